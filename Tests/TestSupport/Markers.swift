/// Location markers in test sources, as swift-syntax's tests use them: `1️⃣`, `2️⃣`, … are removed
/// and their offsets (in Unicode scalars of the cleaned text) returned by marker digit.
public func extractMarkers(_ marked: String) -> (source: String, markers: [Int: Int]) {
  let scalars = Array(marked.unicodeScalars)
  var clean = String.UnicodeScalarView()
  var markers: [Int: Int] = [:]
  var index = 0
  while index < scalars.count {
    let scalar = scalars[index]
    if index + 2 < scalars.count, scalar.value >= 0x30, scalar.value <= 0x39,
      scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}"
    {
      markers[Int(scalar.value - 0x30)] = clean.count
      index += 3
      continue
    }
    clean.append(scalar)
    index += 1
  }
  return (String(clean), markers)
}
