import CertifyEngine
import CertifyModel

/// What `Planner.plan` found for one dossier: the current result, per goal
/// the best plans (or why the goal cannot be reached), the margin of the
/// current result, the single drops that would lose it, and what is missing.
public struct PlanReport: Sendable {
    public var current: ScoreResult
    public var goals: [GoalPlans]
    public var margin: Margin?
    public var risks: [Risk]
    public var missing: [MissingItem]

    public var rubric: Rubric { current.rubric }
    public var dossier: Dossier { current.dossier }
}

/// An input as a dossier writes it: one value, or the items of a set.
public enum PlanInput: Sendable, Equatable {
    case value(String)
    case items([String])
    /// A panel's mean score, rounded to 2 places (shown as `Message.planMean`).
    case mean(Rational)
}

/// One goal: a grade id, or `pass` for a pass/fail rubric.
public struct GoalPlans: Sendable {
    public var goal: String
    /// The least total that reaches the goal.
    public var threshold: Rational
    /// Whether reaching the goal also needs certification (grades at or
    /// above the certified-from grade, and the pass mark).
    public var certifies: Bool
    public var reachable: Bool
    /// The current result already reaches it (only for a goal asked for).
    public var reached: Bool
    /// Why the goal cannot be reached.
    public var reason: Message?
    /// The best plans, best first, each with a different set of changed indicators.
    public var plans: [Plan]
}

/// A set of changes and the result of the changed dossier, rescored by `Scorer`.
public struct Plan: Sendable {
    public var changes: [PlanChange]
    public var result: ScoreResult
    /// Indicators changed (an elective declaration counts as one; a
    /// declaration removed to make room in a swap counts with its addition).
    public var changed: Int
    /// Levels climbed (a linear change counts one step).
    public var steps: Int
    /// Total points gained.
    public var gained: Rational
}

/// One change of a plan, in rubric order.
public struct PlanChange: Sendable {
    public var indicator: Indicator
    /// `true`: the elective is declared; `false`: its declaration is removed
    /// (a swap); nil: declarations are unchanged.
    public var declare: Bool?
    /// The input before and after (nil: none given).
    public var from: PlanInput?
    public var to: PlanInput?
    /// The indicator's points that count, before and after.
    public var pointsFrom: Rational
    public var pointsTo: Rational
    public var steps: Int
    /// For sets: the recognised ids added.
    public var added: [String]
}

/// How far the total is above the threshold of the current outcome.
public struct Margin: Sendable {
    /// The grade id, or `pass`.
    public var above: String
    public var threshold: Rational
    public var points: Rational
}

/// A single drop that would lower the grade or lose certification.
public struct Risk: Sendable {
    public var indicator: Indicator
    /// The dropped input (for a judgment: the panel mean one point lower).
    public var to: PlanInput?
    public var result: ScoreResult
}

/// An indicator with no value that would count.
public struct MissingItem: Sendable {
    public var indicator: Indicator
    /// The engine's finding about it (in Korean and English).
    public var message: Message
}
