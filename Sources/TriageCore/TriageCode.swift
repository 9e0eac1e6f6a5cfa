/// The four codes of the triage policy, from the most to the least urgent.
///
/// The raw value is the code's name as people write it in configuration and read it in JSON.
public enum TriageCode: String, Sendable, Codable, CaseIterable, Comparable {
    case red = "RED"
    case yellow = "YELLOW"
    case green = "GREEN"
    case white = "WHITE"

    /// Lower is more urgent; used to order the work queue.
    public var urgency: Int {
        switch self {
        case .red: 0
        case .yellow: 1
        case .green: 2
        case .white: 3
        }
    }

    public static func < (lhs: TriageCode, rhs: TriageCode) -> Bool { lhs.urgency < rhs.urgency }
}
