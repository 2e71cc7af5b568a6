import Cancellation
import Glibc

/// SIGINT as an interrupt: the handler cancels `CancellationToken.process` and the kernel lives on.
///
/// Jupyter's `interrupt_mode: signal` sends SIGINT to the kernel's process group (also before
/// every shutdown). The handler only stores to an atomic flag, which is async-signal-safe.
public enum InterruptSignal {
  /// Installs the handler (idempotent).
  public static func install() {
    _ = CancellationToken.process  // initialise the global before any signal can arrive
    signal(SIGINT) { _ in CancellationToken.process.cancel() }
  }
}
