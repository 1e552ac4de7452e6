/// Numbers in running text, as people write them: "1 thing", "2 things", "no open referrals".
enum Words {
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        let many = plural ?? singular + "s"
        return n == 0 ? "no \(many)" : n == 1 ? "1 \(singular)" : "\(n) \(many)"
    }
}
