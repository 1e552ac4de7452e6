import SafeguardCore
import Vapor

/// Everything the practitioner has attended or completed, with hours by level and certificates.
struct TrainingLogView {
    /// The practitioner's name.
    var name: String
    var log: TrainingLog
    /// Places booked and waited for, soonest first.
    var upcoming: [TrainingPages.BookingRow]

    func render(on req: Request) -> Response {
        req.page("Your training log", section: .training) { body }
    }

    var body: Node {
        fragment {
            Components.backLink(.training, "Back to training")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { name }
                "Your training log"
            }
            if log.entries.isEmpty {
                el("p", .class("sg-body")) {
                    "Nothing attended or completed yet. Events you attend and e-learning you complete appear here."
                }
            } else {
                Components.table(
                    caption: "Attended and completed", headers: ["Date", "Course", "Level", "How", "Hours", ""],
                    rows: log.entries.map(row))
                Components.table(
                    caption: "Hours by level", headers: ["Level", "Hours"],
                    rows: log.byLevel.map { [.text($0.level.displayName), .text(Self.hours($0.minutes))] }
                        + [[el("strong") { "Total" }, el("strong") { Self.hours(log.totalMinutes) }]])
            }
            if !upcoming.isEmpty {
                Components.table(
                    caption: "Booked and waiting", headers: ["Date", "Course", "Status"],
                    rows: upcoming.map { b in
                        [
                            .text(b.date),
                            el("a", .href(.trainingEvent(b.eventID)), .class("sg-link")) { b.courseTitle },
                            TrainingTags.status(b.status),
                        ]
                    })
            }
        }
    }

    private func row(_ e: TrainingLog.Entry) -> [Node] {
        let action: Node =
            if e.isCertificateAvailable {
                el("a", .href(.trainingCertificate(e.bookingID)), .class("sg-link")) {
                    "Certificate"
                    el("span", .class("sg-visually-hidden")) { " for \(e.courseTitle)" }
                }
            } else if e.isEvaluationDue {
                el("a", .href(.trainingEvaluation(e.bookingID)), .class("sg-link")) {
                    "Evaluate"
                    el("span", .class("sg-visually-hidden")) { " \(e.courseTitle)" }
                }
            } else { .empty }
        return [
            .text(e.date.longText), el("a", .href(.trainingEvent(e.eventID)), .class("sg-link")) { e.courseTitle },
            .text(e.level.displayName), .text(e.delivery.displayName), .text(Self.hours(e.minutes)), action,
        ]
    }

    static func hours(_ minutes: Int) -> String {
        String(format: "%.1f", Double(minutes) / 60)
    }
}

/// The course evaluation: the course's own questions, one after another.
struct EvaluationFormView {
    /// The booking being evaluated, and the course whose questions it asks.
    struct Booking: Sendable {
        var id: UUID
        var eventID: UUID
        var course: TrainingCourse
    }

    var booking: Booking
    var answers: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Evaluate \(booking.course.title)", section: .training, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let course = booking.course
        return fragment {
            Components.backLink(.trainingEvent(booking.eventID), "Back to the event")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { course.title }
                "Evaluate the course"
            }
            el("p", .class("sg-body")) {
                "Your answers are stored without your name, so please say what you think. When you send them, your certificate and the course materials are released."
            }
            el("form", .postMethod, .action(.trainingEvaluation(booking.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                for q in course.evaluationQuestions { question(q) }
                Components.button("Send evaluation")
            }
        }
    }

    private func question(_ q: EvaluationQuestion) -> Node {
        let legend = q.isRequired ? q.text : q.text + " (optional)"
        return switch q.kind {
        case .rating:
            Components.radios(
                q.key, legend: legend,
                options: q.ratingLabels.enumerated().map {
                    (String($0.offset + 1), "\($0.offset + 1) – \($0.element)")
                },
                selected: answers[q.key] ?? "", errors: errors)
        case .yesNo:
            Components.radios(
                q.key, legend: legend, options: [("yes", "Yes"), ("no", "No")], selected: answers[q.key] ?? "",
                errors: errors, inline: true)
        case .freeText:
            Components.textarea(q.key, label: legend, value: answers[q.key] ?? "", errors: errors, rows: 4)
        }
    }
}

/// The certificate: one printable page. The print stylesheet drops the site's chrome so the
/// browser's "Print" or "Save as PDF" gives a clean A4 certificate.
struct CertificateView {
    /// What the certificate shows of the booking, its event and course.
    struct Certificate: Sendable {
        var bookingID: UUID
        /// Completed (e-learning) rather than attended.
        var completed: Bool
        var course: TrainingCourse
        var delivery: TrainingDelivery
        /// The day it was completed, or the event's day.
        var day: SimpleDate
        var minutes: Int
        var trainerName: String
    }

    var name: String
    var agency: String
    var certificate: Certificate

    func render(on req: Request) -> Response {
        req.page("Certificate: \(certificate.course.title)", section: .training) { body }
    }

    var body: Node {
        let course = certificate.course
        let hours = TrainingLogView.hours(certificate.minutes)
        return fragment {
            Components.backLink(.trainingLog, "Back to your training log")
            el("p", .class("sg-body sg-no-print")) {
                "Use your browser's Print command and choose “Save as PDF” to keep a copy. "
                el("button", .type("button"), .class("sg-button sg-button--secondary"), .data("action", "print")) {
                    "Print certificate"
                }
            }
            el("article", .class("sg-certificate"), .aria("labelledby", "certificate-title")) {
                el("p", .class("sg-certificate__issuer")) { "Multi-agency safeguarding partnership" }
                el("h1", .class("sg-certificate__title"), .id("certificate-title")) { "Certificate of attendance" }
                el("p", .class("sg-certificate__lead")) { "This is to certify that" }
                el("p", .class("sg-certificate__name")) { name }
                el("p", .class("sg-certificate__agency")) { agency }
                el("p", .class("sg-certificate__lead")) { certificate.completed ? "completed" : "attended" }
                el("p", .class("sg-certificate__course")) { course.title }
                Components.summaryList(
                    [
                        ("Level", .text(course.level.displayName)),
                        ("How", .text(certificate.delivery.displayName)),
                        ("Date", .text(certificate.day.longText)),
                        ("Duration", .text("\(hours) hours")),
                    ] + (certificate.trainerName.isEmpty ? [] : [("Trainer", .text(certificate.trainerName))]))
                if !course.learningOutcomes.isEmpty {
                    el("h2", .class("sg-heading-s")) { "Learning outcomes" }
                    el("ul", .class("sg-list sg-list--bullet")) {
                        for o in course.learningOutcomes { el("li") { o } }
                    }
                }
                el("p", .class("sg-certificate__reference")) {
                    "Certificate reference \(certificate.bookingID.uuidString.prefix(8).uppercased())"
                }
            }
        }
    }
}
