import Graphics
import Testing

@testable import Plot

let lenetNodes = [
  DiagramNode(label: "input", shape: [1, 32, 32], kind: .input),
  DiagramNode(label: "conv1", detail: "5x5", shape: [6, 28, 28], kind: .conv),
  DiagramNode(label: "pool1", detail: "2x2 max", shape: [6, 14, 14], kind: .pool),
  DiagramNode(label: "fc", shape: [10], kind: .dense),
]

@Test func blocksAreLabelledAndArrowsCarryShapes() throws {
  let diagram = ArchitectureDiagram(title: "LeNet-5", nodes: lenetNodes)
  let document = try #require(SVGDocument.parse(diagram.svg()))
  for text in ["LeNet-5", "conv1", "5x5", "6x28x28", "1x32x32", "6x14x14", "10"] {
    #expect(document.texts.contains(text), "missing \(text)")
  }
  #expect(document.texts.filter { $0 == "6x28x28" }.count == 2)  // under the block, on the arrow
}

@Test func biggerFeatureMapsGetBiggerBlocks() {
  let big = BlockGeometry(shape: [6, 28, 28]), small = BlockGeometry(shape: [6, 14, 14])
  let deep = BlockGeometry(shape: [64, 14, 14]), vector = BlockGeometry(shape: [120])
  #expect(big.height > small.height && big.depthX > small.depthX)
  #expect(deep.thickness > small.thickness)
  #expect(vector.depthX < small.depthX)
}

@Test func skipsAndResidualsArcAboveAndInvalidEdgesAreIgnored() {
  let edges = [
    DiagramEdge(from: 0, to: 3, kind: .skip), DiagramEdge(from: 1, to: 2, kind: .residual),
    DiagramEdge(from: 2, to: 1, kind: .skip), DiagramEdge(from: 1, to: 99, kind: .skip),
  ]
  let diagram = ArchitectureDiagram(nodes: lenetNodes, edges: edges)
  let strings = texts(in: diagram.scene().elements).map(\.string)
  #expect(strings.filter { $0 == "concat" }.count == 1)
  #expect(strings.filter { $0 == "+ add" }.isEmpty)  // a residual over one node is its shortcut
  #expect(diagram.spans.map { [$0.first, $0.last] } == [[2, 2]])
  let levels = DiagramLayout.assignLevels(diagram.validEdges)
  #expect(levels.first { $0.0.kind == .residual }?.1 == 1)
  #expect(levels.first { $0.0.kind == .skip }?.1 == 2)
}

@Test func anEmptyModelStillDraws() {
  let diagram = ArchitectureDiagram(nodes: [])
  #expect(texts(in: diagram.scene().elements).map(\.string) == ["(empty model)"])
}

@Test func longChainsWrapIntoRowsButNeverCutASkip() {
  let nodes = (0..<20).map { DiagramNode(label: "conv\($0)", shape: [64, 56, 56], kind: .conv) }
  let wrapped = DiagramLayout(ArchitectureDiagram(nodes: nodes, maxWidth: 800))
  #expect((wrapped.rows.last ?? 0) >= 2)
  #expect(wrapped.width <= 800 + 40)
  #expect(wrapped.rows == wrapped.rows.sorted())
  let spanned = DiagramLayout(
    ArchitectureDiagram(
      nodes: nodes, edges: [DiagramEdge(from: 0, to: 19, kind: .skip)], maxWidth: 800))
  #expect(spanned.rows.allSatisfy { $0 == 0 })
  let partly = DiagramLayout(
    ArchitectureDiagram(
      nodes: nodes, edges: [DiagramEdge(from: 2, to: 9, kind: .residual)], maxWidth: 800))
  // A residual edge 2 -> 9 is a shortcut over nodes 3...9: a row may start at 3, not inside.
  for cut in 4...9 { #expect(partly.rows[cut] == partly.rows[3], "edge 2->9 cut at \(cut)") }
}

@Test func everyDiagramFigureReadsOnTheScene() {
  let audit = SceneAudit(maxWidth: 1000, minFontSize: 11)
  let nodes = (0..<30).map {
    DiagramNode(
      label: "conv\($0)", detail: "3x3", shape: [64, 56, 56], kind: .conv,
      shortcut: $0 % 3 == 0 ? .identity : nil)
  }
  let figures: [(String, any Figure)] = [
    ("stages", SnapshotFigures.stages()), ("unet", SnapshotFigures.unet()),
    ("long chain", ArchitectureDiagram(title: "long", nodes: nodes)),
    ("lenet", ArchitectureDiagram(title: "LeNet-5", nodes: lenetNodes)),
  ]
  for (name, figure) in figures {
    let problems = audit.problems(in: figure.scene())
    #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
  }
}

@Test func theAuditFindsOverlapsCrossingsAndOverflow() {
  var scene = Scene(width: 100, height: 50)
  scene.add(.text(Text("hello", at: Point(10, 20), fontSize: 12)))
  scene.add(.text(Text("world", at: Point(20, 22), fontSize: 10)))
  scene.add(.line(from: Point(0, 16), to: Point(100, 16), style: .stroke(.black)))
  scene.add(.line(from: Point(90, 40), to: Point(120, 40), style: .stroke(.black)))
  let problems = SceneAudit(maxWidth: 80, minFontSize: 11).problems(in: scene)
  #expect(problems.contains("the canvas is 100.0 wide, more than 80.0"))
  #expect(problems.contains("\"world\" is 10.0 high, less than 11.0"))
  #expect(problems.contains("\"hello\" overlaps \"world\""))
  #expect(problems.contains { $0.contains("crosses \"hello\"") })
  #expect(problems.contains { $0.hasPrefix("a line leaves the canvas") })
  #expect(SceneAudit().problems(in: Scene(width: 10, height: 10)).isEmpty)
}

@Test func blocksCarryTheirHoverAsSVGTitle() throws {
  let svg = SnapshotFigures.stages().svg()
  #expect(svg.contains("<g>\n  <title>3 blocks</title>"))
}
