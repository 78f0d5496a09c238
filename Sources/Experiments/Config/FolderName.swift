import Imaging

/// Safe file names made from keys and config names: readable where possible, unique always.
public enum FolderName {
    /// How many characters of a key are kept before the identity is appended. Why 120: with the
    /// identity the name stays far below the 255 bytes file systems allow, whatever the key.
    public static let readableLength = 120

    /// Letters, digits, '.', '-', '_' and '=' are kept; every other character becomes '-';
    /// ',' becomes "__" so keys stay readable ("memories.count=8__seed=42"); a name that would
    /// be empty or hidden starts with "run"; cut at `readableLength` characters. Many keys map
    /// to one readable name: never use it alone where names must differ.
    public static func readable(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch == "," {
                out += "__"
            } else if ch.isASCII && (ch.isLetter || ch.isNumber || "._-=".contains(ch)) {
                out.append(ch)
            } else {
                out.append("-")
            }
        }
        if out.isEmpty || out.hasPrefix(".") { out = "run" + out }
        return String(out.prefix(readableLength))
    }

    /// A run's folder: `<readable key>~<identity>`. Unique because the identity is.
    public static func run(key: String, identity: RunIdentity) -> String {
        readable(key) + "~" + identity.description
    }

    /// A batch's folder under the results root: the config's name when it is already safe (so
    /// `quickstart` stays `Results/quickstart/`), else its readable form followed by `~` and 16
    /// hex digits of the name's hash, so `猫` and `犬` (both "-" when made safe) differ.
    public static func batch(_ name: String) -> String {
        let safe = readable(name)
        if safe == name { return safe }
        return safe + "~" + String(ContentHash(of: name).description.prefix(16))
    }
}
