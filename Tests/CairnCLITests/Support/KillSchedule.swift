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

    /// A moment, in seconds after the start, inside the work: past the start-up, before the end.
    func delay(using random: inout some RandomNumberGenerator) -> Double {
        startup + (fullRun - startup) * Double.random(in: 0.15...0.85, using: &random)
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
