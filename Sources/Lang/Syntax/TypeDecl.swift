/// A property of a user type: stored (with an optional initial value and `willSet`/`didSet`) or
/// computed (a getter and an optional setter).
final class PropertyDecl {
  /// An accessor body with the name of its parameter (`newValue`, `oldValue` or the written one).
  struct Accessor {
    var parameter: String
    var body: [Stmt]
  }

  let name: String
  let span: Span
  let isLet: Bool
  let isStatic: Bool
  let type: TypeRef?
  let initial: Expr?
  let getter: [Stmt]?
  let setter: Accessor?
  let willSet: Accessor?
  let didSet: Accessor?

  init(
    name: String, span: Span, isLet: Bool, isStatic: Bool, type: TypeRef?, initial: Expr?,
    getter: [Stmt]? = nil,
    setter: Accessor? = nil, willSet: Accessor? = nil, didSet: Accessor? = nil
  ) {
    self.name = name
    self.span = span
    self.isLet = isLet
    self.isStatic = isStatic
    self.type = type
    self.initial = initial
    self.getter = getter
    self.setter = setter
    self.willSet = willSet
    self.didSet = didSet
  }

  /// Stored (not computed).
  var isStored: Bool { getter == nil }
}

/// A method, `init` or operator of a user type; `function.name` is `init` for initialisers.
final class MethodDecl {
  let function: FunctionDecl
  let isStatic: Bool
  let isMutating: Bool
  let isOverride: Bool
  /// `init?`: `return nil` makes the call's value nil.
  let isFailable: Bool
  /// A protocol requirement (no body).
  let isRequirement: Bool

  init(
    function: FunctionDecl, isStatic: Bool, isMutating: Bool, isOverride: Bool,
    isFailable: Bool = false,
    isRequirement: Bool = false
  ) {
    self.function = function
    self.isStatic = isStatic
    self.isMutating = isMutating
    self.isOverride = isOverride
    self.isFailable = isFailable
    self.isRequirement = isRequirement
  }
}

/// One `case` of an enum: its name, associated value labels and types, and raw value.
struct EnumCaseDecl {
  var name: String
  var span: Span
  /// nil: no associated values; each element: the label (nil when unlabelled) and the type.
  var associated: [(label: String?, type: TypeRef)]?
  var rawValue: Expr?
}

/// `struct`, `class`, `enum`, `protocol` or `extension` with its members.
final class TypeDecl {
  enum Kind: String {
    case structType = "struct", classType = "class", enumType = "enum", protocolType = "protocol"
    case extensionType = "extension"
  }

  let kind: Kind
  /// The type's name (for an extension: the extended type).
  let name: String
  let nameSpan: Span
  /// Written after `:`: a superclass, protocols, an enum's raw type.
  let inherited: [(name: String, span: Span)]
  let properties: [PropertyDecl]
  let methods: [MethodDecl]
  let cases: [EnumCaseDecl]
  let isFinal: Bool
  let span: Span
  let file: SourceFile
  /// An extension's constraints on the extended type's generic parameters (`extension Array
  /// where Element: Numeric` → Element: Numeric), which its members check on their receiver.
  var receiverConstraints: [ReceiverConstraint] = []

  init(
    kind: Kind, name: String, nameSpan: Span, inherited: [(name: String, span: Span)],
    properties: [PropertyDecl],
    methods: [MethodDecl], cases: [EnumCaseDecl], isFinal: Bool, span: Span, file: SourceFile
  ) {
    self.kind = kind
    self.name = name
    self.nameSpan = nameSpan
    self.inherited = inherited
    self.properties = properties
    self.methods = methods
    self.cases = cases
    self.isFinal = isFinal
    self.span = span
    self.file = file
  }

  /// Every member name written in the body (for implicit `self`).
  var memberNames: Set<String> {
    Set(properties.map(\.name)).union(methods.map(\.function.name)).union(cases.map(\.name))
  }
}

/// One constraint of a constrained extension: `Element: Numeric` or `Element == Int`.
struct ReceiverConstraint {
  var parameter: String
  var type: TypeRef
  var isSameType: Bool
}
