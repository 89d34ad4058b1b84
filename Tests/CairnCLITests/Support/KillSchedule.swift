import Foundation

/// When to kill a run so that the kill lands while it works, whatever the speed of the machine:
/// measured from one full run and one run that does nothing but start and stop.
struct KillSchedule: CustomStringConvertible {
    /// Seconds a run takes that has nothing to do (process start, opening the archive, connecting).
    var startup: Double
    /// Seconds a run takes that does all the work.
    var fullRun: Double

    /// Times `fullRun` and `startup`, each run once.
    static func measure(fullRun: () throws -> Void, startup: () throws -> Void) throws -> KillSchedule {
        let clock = ContinuousClock()
        let full = try clock.measure(fullRun)
        let idle = try clock.measure(startup)
        return KillSchedule(startup: idle.seconds, fullRun: max(full.seconds, idle.seconds))
    }

    /// Times two async runs.
    static func measure(fullRun: () async throws -> Void, startup: () async throws -> Void) async throws -> KillSchedule {
        let clock = ContinuousClock()
        let start = clock.now
        try await fullRun()
        let middle = clock.now
        try await startup()
        let end = clock.now
        let full = (middle - start).seconds, idle = (end - middle).seconds
        return KillSchedule(startup: idle, fullRun: max(full, idle))
    }

    /// A moment, in seconds after the start, inside the work still `remaining` (0...1) to do:
    /// past the start-up, before the estimated end.
    func delay(remaining: Double, using random: inout some RandomNumberGenerator) -> Double {
        let work = (fullRun - startup) * min(max(remaining, 0.05), 1)
        return startup + work * Double.random(in: 0.15...0.85, using: &random)
    }

    var description: String {
        "a full run took \(String(format: "%.3f", fullRun)) s, start-up \(String(format: "%.3f", startup)) s"
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
