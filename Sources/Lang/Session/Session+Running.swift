extension Session {
  /// The call context of the cell or callback running now (its sink, token and closures): a host
  /// object whose member is set from a cell (`slider.value = 5`) runs its handlers through it.
  public var currentContext: CallContext { interpreter.context }
}
