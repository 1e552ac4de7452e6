import SafeguardCore
import Vapor

extension MissingEpisodesController {
    /// The episode's page. Needs the episode loaded as `load` does; `history` is the child's episodes, oldest first.
    static func episodeView(
        _ e: MissingEpisodeRecord, history: [MissingEpisodeRecord], now: Date, mayChange: Bool,
        fields: [String: String], errors: FormErrors
    ) throws -> MissingEpisodeView {
        let details = MissingEpisodeView.Details(
            whereFoundDetail: e.whereFoundDetail, policeReference: e.policeReference,
            recordedBy: "\(e.recordedBy.displayName), \(e.agency.name)", interviewNotes: e.interviewNotes,
            interviewBy: e.interviewBy?.displayName)
        return MissingEpisodeView(
            person: try PersonHeading(e.person), episode: e.episode, details: details, history: history.map(\.episode),
            now: now, mayChange: mayChange, fields: fields, errors: errors)
    }
}
