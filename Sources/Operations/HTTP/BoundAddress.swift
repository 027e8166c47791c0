import Synchronization

/// The port a server bound, for callers that wait for it (a server configured with port 0).
final class BoundAddress: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, any Error>])
        case bound(Int)
        case failed(HTTPServerError)
    }

    private let state = Mutex(State.waiting([]))

    /// Suspends until ``succeed(port:)`` or ``fail(_:)``.
    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<Int, HTTPServerError>? = state.withLock { state in
                switch state {
                case .waiting(var waiters):
                    waiters.append(continuation)
                    state = .waiting(waiters)
                    return nil
                case .bound(let port):
                    return .success(port)
                case .failed(let error):
                    return .failure(error)
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }

    func succeed(port: Int) {
        finish(.bound(port))?.forEach { $0.resume(returning: port) }
    }

    func fail(_ error: HTTPServerError) {
        finish(.failed(error))?.forEach { $0.resume(throwing: error) }
    }

    /// Moves to `final` unless already finished; returns the waiters to resume outside the lock.
    private func finish(_ final: State) -> [CheckedContinuation<Int, any Error>]? {
        state.withLock { state in
            guard case .waiting(let waiters) = state else { return nil }
            state = final
            return waiters
        }
    }
}
