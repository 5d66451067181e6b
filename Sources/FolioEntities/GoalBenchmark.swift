import FolioCore
import Foundation
import Yams

/// Measures goal tagging against hand-labelled primary goals (`Benchmarks/entities/goals.yml`):
/// how many of the goals each article primarily serves its front matter lists.
public enum GoalBenchmark {
    /// One article's label: the goals it primarily serves (none for a preface or a survey of
    /// all goals).
    public struct Label: Sendable, Equatable {
        /// `cmia-2021/01-corning`: the article's path under `Content/articles/`, without `.md`.
        public var article: String
        /// `tuning` or `held-out`.
        public var split: String
        public var primary: [Int]

        public init(article: String, split: String, primary: [Int]) {
            self.article = article
            self.split = split
            self.primary = primary
        }
    }

    /// What the articles' goals give against the labels.
    public struct Result: Sendable, Equatable {
        public var articles = 0
        /// Primary goals labelled, and how many of them the articles list.
        public var primaryGoals = 0
        public var found = 0
        /// Goals listed in all, primary or not.
        public var listed = 0
        /// `missing cmia-2021/27-fanuc goal 9 (lists 7, 13)`.
        public var differences: [String] = []

        public var recall: Double { Double(found) / Double(max(primaryGoals, 1)) }
        /// Goals listed per article.
        public var goalsPerArticle: Double { Double(listed) / Double(max(articles, 1)) }
    }

    /// Reads the labels file.
    /// - Throws: ``EntitiesError`` naming the line of a malformed entry.
    public static func labels(from url: URL, display: String) throws -> [Label] {
        let node = try Gazetteers.compose(url, file: display)
        guard let list = node.sequence else { throw EntitiesError.malformed(file: display, line: 1, message: "expected a list of articles") }
        return try list.map { item in
            guard let map = item.mapping, let article = map["article"]?.string, let split = map["split"]?.string,
                  let primary = map["primary"]?.sequence
            else {
                throw EntitiesError.malformed(file: display, line: item.mark?.line ?? 1, message: "every entry needs `article`, `split` and `primary` (a list of goal numbers)")
            }
            let goals = try primary.map { goal -> Int in
                guard let number = goal.int, (1...17).contains(number) else {
                    throw EntitiesError.malformed(file: display, line: goal.mark?.line ?? 1, message: "a goal is a number from 1 to 17")
                }
                return number
            }
            return Label(article: article, split: split, primary: goals)
        }
    }

    /// Scores the goals each article lists (`listed`, by article) against the labels.
    public static func score(_ labels: [Label], listed: [String: [Int]]) -> Result {
        var result = Result()
        for label in labels {
            let goals = listed[label.article] ?? []
            result.articles += 1
            result.listed += goals.count
            for goal in label.primary {
                result.primaryGoals += 1
                if goals.contains(goal) {
                    result.found += 1
                } else {
                    result.differences.append("missing \(label.article) goal \(goal) (lists \(goals.isEmpty ? "none" : goals.map(String.init).joined(separator: ", ")))")
                }
            }
        }
        return result
    }
}
