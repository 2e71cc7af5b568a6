import Display
import Foundation
import Lang
import Tensor

/// The built-in names of the cell language, bound to the engine (Tensor, NN) and the renderers.
///
///     let session = NotebookRuntime.makeSession()
///     let result = session.execute("Dense(1, inputs: 256 * 256).parameterCount", sink: sink,
///                                  cancellation: .process)
public enum NotebookRuntime {
  /// A Lang session with every name of LANGUAGE.md and the notebooks registered, and the magics
  /// `%seed N`, `%threads N` and `%reset` (which also drops loaded data sets and trims the heap).
  public static func makeSession() -> Session { makeNotebook().session }

  /// A session as `makeSession()` makes it, and the comm host of its widgets, which a kernel
  /// attaches to its comms (without one, widgets show their text form).
  public static func makeNotebook() -> (session: Session, comms: any CommHost) {
    let session = Session()
    let runtime = RuntimeState()
    let registrar = Registrar(session: session, runtime: runtime)
    TensorBuiltins.register(registrar)
    LayerBuiltins.register(registrar)
    ZooBuiltins.register(registrar)
    DataBuiltins.register(registrar)
    TrainingBuiltins.register(registrar)
    MiscBuiltins.register(registrar)
    let widgets = WidgetManager(session: session)
    WidgetBuiltins.register(registrar, widgets)
    runtime.widgets = widgets
    registerMagics(session, runtime)
    session.register(UserLayer.protocolRequirement) { value, context in
      LayerValue(
        UserLayer.standIn(for: value, context: context, runtime: runtime), runtime: runtime)
    }
    // The one path of an interrupt into the engine: the cell's token, set where the cell runs.
    // The session's display settings (%precision) likewise.
    session.cellScope = { token, cell in
      DisplaySettings.$current.withValue(runtime.display) {
        Threading.$cancellationToken.withValue(token, operation: cell)
      }
    }
    return (session, widgets)
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerMagics(_ session: Session, _ runtime: RuntimeState) {
    session.magics.register(
      "reset",
      doc:
        "%reset — forgets every name the cells have defined and the data sets loaded, and gives the freed memory back to the operating system"
    ) { invocation in
      invocation.session.reset()
      runtime.forgetLoaded()
      AllocatorPolicy.releaseFreedMemory()
    }
    session.magics.register(
      "progress",
      doc:
        "%progress rich|line|text|auto — how training progress is shown: a live chart, one updated line, appended lines (for front ends that cannot update a display, such as jupyter console), or as the front end can (auto)"
    ) { invocation in
      let choice = invocation.argument.trimmingCharacters(in: .whitespaces)
      guard choice == "auto" || LiveDisplays(rawValue: choice) != nil else {
        throw HostError(
          "ValueError", "%progress expects rich, line, text or auto, got '\(choice)'",
          hint: "write %progress text")
      }
      runtime.progress = LiveDisplays(rawValue: choice)
    }
    session.magics.register(
      "precision",
      doc:
        "%precision N — tensors show at most N decimals (0...10; 4 without N), as NumPy's set_printoptions(precision=N)"
    ) { invocation in
      let text = invocation.argument.trimmingCharacters(in: .whitespaces)
      guard let digits = text.isEmpty ? DisplaySettings.defaultPrecision : Int(text),
        (0...10).contains(digits)
      else {
        throw HostError(
          "ValueError", "%precision expects a whole number of decimals in 0...10, got '\(text)'",
          hint: "write %precision 2")
      }
      runtime.display.precision = digits
    }
    session.nextSeed = { runtime.nextSeed() }
    session.magics.register(
      "seed",
      doc: "%seed N — seeds every random choice after it: initial weights, shuffling, dropout"
    ) { invocation in
      guard let seed = UInt64(invocation.argument) else {
        throw HostError(
          "ValueError", "%seed expects a whole number ≥ 0, got '\(invocation.argument)'",
          hint: "write %seed 42")
      }
      runtime.setSeed(seed)
    }
    session.magics.register(
      "threads",
      doc: "%threads N — the number of threads the engine uses (results do not depend on it)"
    ) { invocation in
      guard let count = Int(invocation.argument), count >= 1 else {
        throw HostError(
          "ValueError", "%threads expects a whole number ≥ 1, got '\(invocation.argument)'",
          hint: "this machine has \(Threading.maximumThreadCount) cores")
      }
      do {
        try Threading.setThreadCount(count)
      } catch {
        throw EngineErrors.translate(error)
      }
      invocation.context.print("threads: \(Threading.threadCount)\n")
    }
  }
}

/// The same as `NotebookRuntime.makeSession()`.
public func makeSession() -> Session { NotebookRuntime.makeSession() }
