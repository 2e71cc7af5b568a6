import CSupport
import Foundation
import Glibc
import JupyterProtocol

/// Ends the kernel when the process that started it is gone, as ipykernel's parent poller does.
///
/// Every `interval` (0.5 s) it reads `getppid()`: when the parent changes (the launcher died and
/// the kernel was re-parented to init or a subreaper), the kernel exits with status 1. Jupyter's
/// launcher also names itself in `JPY_PARENT_PID`; when that process is not the direct parent
/// (the kernel was started through a wrapper), it is watched too: when it no longer exists, is a
/// zombie, or its pid now belongs to a process started at another time, the kernel exits. A
/// kernel whose parent is init (pid 1) from the start has nothing to watch but `JPY_PARENT_PID`.
/// So an orphaned kernel lingers at most one interval (plus a scheduling delay), far under 10 s.
public struct ParentWatch: Sendable, Equatable {
  /// A process being watched: its pid and its start time (`/proc/PID/stat` field 22, in clock
  /// ticks since boot), which tells a reused pid apart.
  public struct Process: Sendable, Equatable {
    public var pid: Int32
    public var startTime: UInt64?
  }

  /// The direct parent at start (nil: it was init, nothing to watch).
  public var parent: Int32?
  /// The launcher named by `JPY_PARENT_PID`, when it is not the direct parent.
  public var launcher: Process?

  /// What to watch for this process, from its parent and environment now.
  public static func current(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> ParentWatch
  {
    let parent = getppid()
    var watch = ParentWatch(parent: parent > 1 ? parent : nil, launcher: nil)
    if let text = environment["JPY_PARENT_PID"], let pid = Int32(text), pid > 1, pid != parent {
      watch.launcher = Process(pid: pid, startTime: ProcessStatus.read(pid)?.startTime)
    }
    return watch
  }

  /// Whether there is anything to watch.
  public var isWatching: Bool { parent != nil || launcher != nil }

  /// Why the kernel is orphaned (nil: its parent and launcher are alive).
  public func orphanReason(
    parentNow: Int32 = getppid(),
    status: (Int32) -> ProcessStatus? = ProcessStatus.read
  ) -> String? {
    if let parent, parentNow != parent {
      return "the parent process \(parent) is gone (the parent is now \(parentNow))"
    }
    guard let launcher else { return nil }
    guard let now = status(launcher.pid) else {
      return "the launching process \(launcher.pid) (JPY_PARENT_PID) is gone"
    }
    if now.isZombie { return "the launching process \(launcher.pid) (JPY_PARENT_PID) has exited" }
    if let started = launcher.startTime, now.startTime != started {
      return "the launching process \(launcher.pid) (JPY_PARENT_PID) is gone (its pid was reused)"
    }
    return nil
  }

  /// Starts a thread that polls every `interval` and calls `exit` once the kernel is orphaned.
  public func start(
    interval: Duration = .milliseconds(500),
    exit: @escaping @Sendable (String) -> Void = ParentWatch.exitProcess
  ) {
    guard isWatching else { return }
    let watch = self
    let thread = Thread {
      csupport_set_thread_name("stride-parent")
      while true {
        Thread.sleep(
          forTimeInterval: Double(interval.components.seconds)
            + Double(interval.components.attoseconds) * 1e-18)
        if let reason = watch.orphanReason() {
          exit(reason)
          return
        }
      }
    }
    thread.start()
  }

  /// Logs why and ends the process at once (status 1), like ipykernel's poller.
  public static func exitProcess(_ reason: String) {
    KernelLog.warning("\(reason); the kernel exits")
    _exit(1)
  }
}

/// What `/proc/PID/stat` says about a process: its state and start time.
public struct ProcessStatus: Sendable, Equatable {
  /// The state letter (R, S, D, Z, T, …).
  public var state: Character
  /// Start time in clock ticks after boot (field 22).
  public var startTime: UInt64

  /// Whether the process has exited and waits to be reaped.
  public var isZombie: Bool { state == "Z" || state == "X" }

  /// The status of `pid`, or nil when there is no such process.
  public static func read(_ pid: Int32) -> ProcessStatus? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    return parse(String(decoding: data, as: UTF8.self))
  }

  /// Parses a `/proc/PID/stat` line; the command name (field 2) may hold spaces and parentheses.
  static func parse(_ line: String) -> ProcessStatus? {
    guard let close = line.lastIndex(of: ")") else { return nil }
    let fields = line[line.index(after: close)...].split(separator: " ")
    // fields[0] is the state (field 3); the start time is field 22, i.e. fields[19].
    guard fields.count > 19, let state = fields[0].first, let start = UInt64(fields[19]) else {
      return nil
    }
    return ProcessStatus(state: state, startTime: start)
  }
}
