import Dispatch
import Foundation
import Synchronization

/// A dedicated OS thread that runs blocking librdkafka calls one at a time, in submission order,
/// so that they never block Swift's cooperative thread pool.
final class BlockingWorker: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var stopping = false
    }

    private let state = Mutex(State())
    private let wakeups = DispatchSemaphore(value: 0)

    /// Starts the thread.
    /// - Parameter name: Thread name, visible in debuggers and `top -H`.
    init(name: String) {
        let thread = Thread { [self] in
            self.runLoop()
        }
        thread.name = name
        thread.start()
    }

    private func runLoop() {
        while true {
            wakeups.wait()
            let job: (@Sendable () -> Void)? = state.withLock { state in
                guard state.head < state.jobs.count else { return nil }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head == state.jobs.count {
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                return job
            }
            guard let job else { return }  // the stop wake-up, after every job before it
            job()
        }
    }

    /// Queues `job`; returns `false` (and drops it) once ``stop()`` was called.
    @discardableResult
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        let accepted = state.withLock { state in
            guard !state.stopping else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { wakeups.signal() }
        return accepted
    }

    /// Runs `body` on the worker thread and returns its result to the awaiting task.
    func run<T: Sendable>(
        _ body: @escaping @Sendable () -> Result<T, KafkaError>
    ) async -> Result<T, KafkaError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, KafkaError>, Never>) in
            let accepted = submit {
                continuation.resume(returning: body())
            }
            if !accepted {
                continuation.resume(returning: .failure(KafkaError(code: .destroy, reason: "worker thread stopped")))
            }
        }
    }

    /// Lets the thread finish the queued jobs and exit. Idempotent.
    func stop() {
        let first = state.withLock { state in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first { wakeups.signal() }
    }
}
