/// Stride's own 5×9 pixel font: printable ASCII plus a few symbols (× · … ← ↑ → ↓ ≤ ≥ ≈ ± ‖ ∇ Σ √
/// ° ² ³ µ é and the Greek letters α β γ δ ε η θ λ σ), used by `Rasterizer` for text.
///
/// A glyph is 5 columns by 7 rows above the baseline plus 2 rows of descender. One font unit
/// is `fontSize / 10`, so a glyph cell is 6 units wide (`TextMetrics.advance` = 0.6) and
/// capitals are 7 units tall (`TextMetrics.capHeight` = 0.7). Whitespace (tabs, newlines)
/// draws as a space; other characters without a glyph draw as `?`.
enum PixelFont {
  /// Rows above the baseline.
  static let ascent = 7
  /// Advance in font units.
  static let advance = 6
  /// Font units per em.
  static let unitsPerEm = 10.0

  /// The lit cells of `character` as (column, row) pairs; row 0 is the top, row 7 the first
  /// below the baseline.
  static func cells(of character: Character) -> [(column: Int, row: Int)] {
    let blank = character.isWhitespace
    let rows = blank ? [] : PixelFont.glyphs[character] ?? PixelFont.glyphs["?"] ?? []
    var cells: [(column: Int, row: Int)] = []
    for (row, pattern) in rows.enumerated() {
      for (column, mark) in pattern.enumerated() where mark == "#" {
        cells.append((column, row))
      }
    }
    return cells
  }

  /// Horizontal runs of lit cells in one glyph, merged so each run is one rectangle.
  static func runs(of character: Character) -> [(column: Int, row: Int, length: Int)] {
    var runs: [(column: Int, row: Int, length: Int)] = []
    for cell in cells(of: character) {
      if let last = runs.last, last.row == cell.row, last.column + last.length == cell.column {
        runs[runs.count - 1].length += 1
      } else {
        runs.append((cell.column, cell.row, 1))
      }
    }
    return runs
  }
}
