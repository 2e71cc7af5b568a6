import Cancellation
import Display
import TextFormat

/// One invocation of a magic: its argument text and access to the session's output and values.
public struct MagicInvocation {
  /// Everything after the magic's name on its line, trimmed.
  public let argument: String
  /// Output, cancellation and callbacks, as natives get them.
  public let context: CallContext
  /// The session running the cell (for `%who`, `%reset` and hosts' own state).
  public let session: Session
}

/// The magic commands, by name without `%`. Handlers report bad arguments by throwing `HostError`.
public struct MagicRegistry {
  /// A registered magic.
  public struct Magic {
    /// The name without `%`.
    public let name: String
    /// One line of documentation (`%seed N — sets the random seed`).
    public let doc: String
    let handler: (MagicInvocation) throws -> Void
  }

  private(set) var magics: [String: Magic] = [:]

  /// Registers or replaces a magic (`name` without `%`).
  public mutating func register(
    _ name: String, doc: String, handler: @escaping (MagicInvocation) throws -> Void
  ) {
    magics[name] = Magic(name: name, doc: doc, handler: handler)
  }

  /// The names of all magics, sorted, with `%`.
  public var names: [String] { magics.keys.sorted().map { "%" + $0 } }

  /// The magic called `name` (without `%`).
  public func magic(named name: String) -> Magic? { magics[name] }

  mutating func registerBuiltins() {
    register("who", doc: "%who — lists the names the cells have defined, with their types") {
      invocation in
      let lines = invocation.session.userBindings.map { "\($0.name): \($0.value.typeName)" }
      invocation.context.print(
        lines.isEmpty ? "no names defined\n" : lines.joined(separator: "\n") + "\n")
    }
    register("reset", doc: "%reset — forgets every name the cells have defined") { invocation in
      invocation.session.reset()
    }
    register("time", doc: "%time STATEMENT — runs the statement once and prints the wall time") {
      _ in
    }
    register(
      "timeit", doc: "%timeit STATEMENT — runs the statement many times and prints the mean time"
    ) { _ in }
  }
}

extension Interpreter {
  /// Runs `%name`: `%time`/`%timeit` time their statements, others go to the registry.
  func runMagic(_ name: String, _ argument: String, _ body: [Stmt], _ span: Span, in scope: Scope)
    throws
  {
    let bare = String(name.drop { $0 == "%" })
    guard let session, let magic = session.magics.magic(named: bare) else {
      throw error(.unknownMagic(name, known: session?.magics.names ?? []), span)
    }
    switch bare {
    case "time":
      let clock = ContinuousClock()
      let elapsed = try clock.measure { _ = try execute(body, in: scope) }
      sink.write("Wall time: \(Self.format(elapsed))\n", to: .stdout)
    case "timeit":
      try timeit(body, in: scope)
    default:
      let invocation = MagicInvocation(
        argument: argument.trimmingSpaces(), context: context, session: session)
      try host(span) { try magic.handler(invocation) }
    }
  }

  private func timeit(_ body: [Stmt], in scope: Scope) throws {
    let clock = ContinuousClock()
    var samples: [Double] = []
    var total = Duration.zero
    while samples.count < 10_000 && (total < .milliseconds(200) || samples.count < 3) {
      let elapsed = try clock.measure { _ = try execute(body, in: scope) }
      total += elapsed
      samples.append(
        Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
    }
    let mean = samples.reduce(0, +) / Double(samples.count)
    let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
    let text =
      "\(Self.format(seconds: mean)) ± \(Self.format(seconds: variance.squareRoot())) per loop (\(samples.count) loops)"
    sink.write(text + "\n", to: .stdout)
  }

  static func format(_ duration: Duration) -> String {
    format(
      seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
  }

  /// `1.23 s`, `4.56 ms`, `7.89 µs`, `12 ns`.
  static func format(seconds: Double) -> String {
    func fixed(_ value: Double) -> String {
      NumberFormat.fixed(value, maxFractionDigits: 2, minFractionDigits: 2)
    }
    if seconds >= 1 { return fixed(seconds) + " s" }
    if seconds >= 1e-3 { return fixed(seconds * 1e3) + " ms" }
    if seconds >= 1e-6 { return fixed(seconds * 1e6) + " µs" }
    return "\(Int((seconds * 1e9).rounded())) ns"
  }
}

extension String {
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}
