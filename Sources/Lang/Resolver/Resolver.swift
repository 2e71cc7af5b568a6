/// The static pass between lowering and running (jlox's resolver, chapter 11): walks a cell's
/// statements with a stack of blocks and finds, before anything runs, every name that is not
/// declared (with a did-you-mean), used before its declaration, captured by a closure before its
/// declaration, or assigned although it is a `let`; `break`/`continue` outside a loop; and a
/// function with a result type whose body can end without `return`.
///
/// Notebook rules: the globals of earlier cells (and the built-ins) are visible everywhere; at the
/// top level of a cell a name that an earlier cell defined may be used before this cell redefines
/// it (it reads the earlier value); `func`s at the top level may use top-level names declared later
/// in the cell (globals), and any `func` may call a `func` declared later in its block.
final class Resolver {
  /// What a block knows of one of its names.
  struct Binding {
    var isLet: Bool
    var isFunction: Bool
    var declared: Bool
  }

  /// Where a block starts: the cell, a nested block, or the body of a `func` or closure.
  enum Boundary {
    case none
    case function
    case closure
  }

  final class Block {
    var names: [String: Binding] = [:]
    let boundary: Boundary
    init(boundary: Boundary) { self.boundary = boundary }
  }

  let file: SourceFile
  /// A global of an earlier cell or a built-in: whether it is a `let`, nil when unknown.
  let global: (String) -> Bool?
  let globalNames: () -> [String]
  var blocks: [Block] = []
  var loopDepth = 0
  /// The labelled statements around the current node (`outer: for …`), innermost last; a
  /// function or closure starts with none.
  var labels: [(name: String, isLoop: Bool)] = []
  /// The `for`/`while` statements around the current node (a closure inside marks them all).
  var loops: [Stmt] = []
  var diagnostics: [Diagnostic] = []
  /// The member names of a type declared in an earlier cell (or a built-in type's), for implicit `self`.
  let typeMembers: (String) -> Set<String>
  /// The enums of earlier cells with their case names (for exhaustive `switch`).
  let knownEnums: () -> [(String, [String])]
  /// The type declarations of this cell by name.
  var cellTypes: [String: [TypeDecl]] = [:]
  /// For each method being resolved: the index of its block and the names that mean `self.name`.
  var typeContexts: [(Int, Set<String>)] = []
  var switchDepth = 0

  init(
    file: SourceFile, global: @escaping (String) -> Bool?, globalNames: @escaping () -> [String],
    typeMembers: @escaping (String) -> Set<String> = { _ in [] },
    knownEnums: @escaping () -> [(String, [String])] = { [] }
  ) {
    self.file = file
    self.global = global
    self.globalNames = globalNames
    self.typeMembers = typeMembers
    self.knownEnums = knownEnums
  }

  /// Checks a cell's top-level statements; returns the errors in source order.
  func resolve(_ statements: [Stmt]) -> [Diagnostic] {
    blocks = []
    for statement in statements {
      if case .typeDecl(let decl) = statement.kind {
        cellTypes[decl.name, default: []].append(decl)
      }
    }
    resolveBlock(statements, boundary: .none)
    return diagnostics.sorted { $0.span.start < $1.span.start }
  }

  func report(_ message: DiagnosticMessage, _ span: Span) {
    diagnostics.append(Diagnostic(message, file: file, span: span))
  }

  // MARK: - Blocks and names

  /// Resolves a block: its declarations are known (undeclared) from the start, so a use before
  /// them is found; each becomes declared at its statement.
  func resolveBlock(_ statements: [Stmt], boundary: Boundary, prelude: (Block) -> Void = { _ in }) {
    let block = Block(boundary: boundary)
    for statement in statements { collect(statement, into: block) }
    prelude(block)
    blocks.append(block)
    defer { blocks.removeLast() }
    for statement in statements { resolve(statement) }
  }

  private func collect(_ statement: Stmt, into block: Block) {
    switch statement.kind {
    case .binding(let isLet, let pattern, _, _):
      for name in pattern.names where block.names[name] == nil {
        block.names[name] = Binding(isLet: isLet, isFunction: false, declared: false)
      }
    case .function(let decl):
      if block.names[decl.name] == nil {
        block.names[decl.name] = Binding(isLet: false, isFunction: true, declared: false)
      }
    case .typeDecl(let decl) where decl.kind != .extensionType:
      block.names[decl.name] = Binding(isLet: true, isFunction: true, declared: false)
    case .guardElse(let conditions, _):
      for case .optionalBinding(let name, _, _) in conditions where block.names[name] == nil {
        block.names[name] = Binding(isLet: true, isFunction: false, declared: false)
      }
    default:
      break
    }
  }

  /// Marks a name declared in the innermost block (declaring it there if it was not collected).
  func declare(_ name: String, isLet: Bool, isFunction: Bool = false) {
    guard let block = blocks.last else { return }
    block.names[name] = Binding(isLet: isLet, isFunction: isFunction, declared: true)
  }

  /// What a name refers to: a binding of a block (nil binding: a global or built-in), or an error.
  enum Lookup {
    case local(Binding)
    case global(isLet: Bool)
    case missing
  }

  /// Finds `name` from the innermost block outwards and reports a use before its declaration.
  func lookup(_ name: String, _ span: Span) -> Lookup {
    for index in blocks.indices.reversed() {
      guard let binding = blocks[index].names[name] else { continue }
      if binding.declared || binding.isFunction && crossing(above: index) != .none {
        return .local(binding)
      }
      let crossed = crossing(above: index)
      if index == 0 {
        if let isLet = global(name) { return .global(isLet: isLet) }
        if crossed == .function { return .local(binding) }
      }
      if crossed == .none {
        report(.useBeforeDeclaration(name), span)
      } else {
        report(.captureBeforeDeclaration(name, crossed == .closure ? "closure" : "function"), span)
      }
      return .local(binding)
    }
    if let isLet = global(name) { return .global(isLet: isLet) }
    return .missing
  }

  /// The outermost function or closure boundary between the block at `index` and the innermost.
  private func crossing(above index: Int) -> Boundary {
    for inner in blocks.indices where inner > index && blocks[inner].boundary != .none {
      return blocks[inner].boundary
    }
    return .none
  }

  /// Resolves a name read: reports it when nothing declares it.
  func use(_ name: String, _ span: Span) {
    guard name != "_" else { return }
    if case .missing = lookup(name, span) {
      report(.undefinedName(name, suggestion: suggestion(for: name)), span)
    }
  }

  /// Every name visible now (for did-you-mean).
  func visibleNames() -> [String] {
    var names = Set(globalNames())
    for block in blocks { names.formUnion(block.names.keys) }
    return Array(names)
  }

  func suggestion(for name: String) -> String? {
    Suggestions.closest(to: name, among: visibleNames())
  }
}
