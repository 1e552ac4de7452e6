extension TrainingReports {
    /// Attendance by course as CSV rows, headed as in partnership annual reports.
    public static func csv(_ rows: [CourseRow]) -> [[String]] {
        [["Name of course", "Total number of attendees", "How many times the course ran"]]
            + rows.map { [$0.displayName, String($0.attendees), String($0.timesRun)] }
    }

    /// Attendance by agency as CSV rows; a final "Agency not recorded" line follows the total when
    /// there were such attendees, so the file reconciles with the course report.
    public static func csv(_ report: AgencyAttendance) -> [[String]] {
        var lines =
            [["Agency", "Total number of attendees per agency"]]
            + report.rows.map { [$0.displayName, String($0.attendees)] }
        if report.notRecorded > 0 { lines.append(["Agency not recorded", String(report.notRecorded)]) }
        return lines
    }

    /// No-show rates as CSV rows; percentages to one decimal place, blank when nothing was booked.
    public static func csv(_ rows: [NoShowRow]) -> [[String]] {
        [["Course", "Booked places", "Attended", "No-shows", "Late cancellations", "No-show %", "Register not taken"]]
            + rows.map {
                [
                    $0.displayName, String($0.bookedPlaces), String($0.attended), String($0.noShows),
                    String($0.lateCancellations), text($0.noShowPercent), String($0.registerNotTaken),
                ]
            }
    }

    /// A course's evaluation results as CSV rows: one line per question with its figures, then one
    /// line per comment beneath free-text questions.
    public static func csv(_ summary: EvaluationSummary) -> [[String]] {
        var lines = [
            [
                "Question", "Answers", "Mean rating", "Rated 1", "Rated 2", "Rated 3", "Rated 4", "Rated 5",
                "Yes %", "No %", "Comment",
            ]
        ]
        for result in summary.questions {
            let counts =
                result.question.kind == .rating ? result.distribution.map(String.init) : Array(repeating: "", count: 5)
            lines.append(
                [result.question.text, String(result.answered), text(result.mean)] + counts
                    + [text(result.yesPercent), text(result.noPercent), ""])
            for comment in result.comments {
                lines.append([result.question.text, "", "", "", "", "", "", "", "", "", comment])
            }
        }
        return lines
    }
}
