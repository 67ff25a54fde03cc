/// 密码规则 — what a staff password must be.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 72  // Bcrypt uses the first 72 bytes only.

    public static func validate(_ password: String) throws {
        guard password.utf8.count >= minimumLength else {
            throw SunlightError.invalid("password", "密码至少 \(minimumLength) 个字符")
        }
        guard password.utf8.count <= maximumLength else {
            throw SunlightError.invalid("password", "密码最多 \(maximumLength) 个字节")
        }
        let classes = [
            password.contains(where: \.isLowercase), password.contains(where: \.isUppercase),
            password.contains(where: \.isNumber), password.contains(where: { !$0.isLetter && !$0.isNumber }),
        ].filter { $0 }.count
        guard classes >= 2 else {
            throw SunlightError.invalid("password", "密码应包含字母、数字、符号中的至少两类")
        }
    }
}
