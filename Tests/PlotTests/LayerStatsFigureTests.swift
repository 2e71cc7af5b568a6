import Graphics
import Testing

@testable import Plot

/// A live layer view's first row (LeNet-5 on Fashion-MNIST): its mean ± std band has slanted
/// edges that end exactly on the left side of their fill window at 1.5×; rounding once put a
/// coverage cell at index −1 (a crash in CoverageMask) before the ends were clamped.
@Test func aLayerRowWhoseBandTouchesItsWindowRendersAt1point5x() {
  let row = LayerStatsFigure.Row(
    name: "0 Conv2D",
    means: [
      0.052802940177426136, 0.05271522822013563, 0.05297802677503479, 0.052768612913093975,
      0.05289357954409787, 0.05273339629169102, 0.05267353903223374, 0.05278243217063456,
      0.052624634194950184, 0.052778753795629976,
    ],
    stds: [
      0.23411550534570924, 0.23424224587515902, 0.23437078737775766, 0.23446608728825474,
      0.234562306712179, 0.23459119026333725, 0.23473802529347323, 0.23497695697000096,
      0.2351093450957987, 0.2351873552799765,
    ],
    histograms: Array(repeating: [1, 5, 9, 3], count: 10), low: -1.608474999666214,
    high: 1.6677628457546234)
  let figure = LayerStatsFigure(title: "Layer views", rows: [row])
  let bitmap = figure.bitmap(scale: 1.5)
  #expect(bitmap.width == 1350)
  let problems = SceneAudit(maxWidth: 1000, minFontSize: 10).problems(in: figure.scene())
  #expect(problems.isEmpty, "\(problems)")
}
