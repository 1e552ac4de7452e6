/// Whether an uploaded definition may join the catalogue. Versions only go up, so "version 2 of
/// the neglect profile" always means one text, and every assessment keeps the tool it was made with.
public enum ToolRevision {
    /// Why the upload is refused, or nil. `newestStored` is the highest version already stored
    /// for the tool's key, nil for a new tool.
    public static func refusal(_ tool: AssessmentTool, newestStored: Int?) -> String? {
        guard let newest = newestStored, tool.version <= newest else { return nil }
        return
            "Version \(newest) of '\(tool.key)' is already in use: give this revision version \(newest + 1) (line 'version:')"
    }
}
