/// Members of constrained extensions (`extension Array where Element: Numeric { func total() }`):
/// Swift checks the receiver's type before the program runs; here each call checks the values
/// that stand for the constrained parameter (an array's elements, a dictionary's keys or values),
/// picks among same-named members of differently constrained extensions the one that fits, and
/// names the broken constraint when none does. A user generic type's parameters are erased and
/// not checked.
extension Interpreter {
  /// `methods` narrowed to those whose extension's constraints `receiver` meets (an empty array
  /// meets them all: the first declared is used); throws Swift's "requires that 'String'
  /// conform to 'Numeric'" for the latest declared when none does.
  func fitting(_ methods: [UserType.Method], _ receiver: Value, _ name: String, _ span: Span) throws
    -> [UserType.Method]
  {
    guard methods.contains(where: { !$0.receiverConstraints.isEmpty }) else { return methods }
    let fit = methods.filter { brokenConstraint($0, receiver) == nil }
    if fit.isEmpty, let (constraint, got) = brokenConstraint(methods[methods.count - 1], receiver) {
      throw error(
        .receiverRequirement(
          name, receiver.typeName, got, constraint.parameter, constraint.type,
          sameType: constraint.isSameType), span)
    }
    return fit
  }

  /// The first constraint of `method`'s extension that `receiver` breaks, with the offending value's type.
  func brokenConstraint(_ method: UserType.Method, _ receiver: Value) -> (
    ReceiverConstraint, got: String
  )? {
    for constraint in method.receiverConstraints {
      if let got = firstMisfit(constraint, receiver) { return (constraint, got) }
    }
    return nil
  }

  /// The type of the first value standing for the constrained parameter that does not conform.
  private func firstMisfit(_ constraint: ReceiverConstraint, _ receiver: Value) -> String? {
    switch (constraint.parameter, receiver) {
    case ("Element", .array(let elements)):
      return elements.first { conform($0, to: constraint.type) == nil }?.typeName
    case ("Key", .dictionary(let dictionary)):
      return dictionary.entries.first { conform($0.key, to: constraint.type) == nil }?.key.typeName
    case ("Value", .dictionary(let dictionary)):
      return dictionary.entries.first { conform($0.value, to: constraint.type) == nil }?.value
        .typeName
    default:
      return nil
    }
  }
}
