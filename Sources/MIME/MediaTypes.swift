/// Media types guessed from file names, for attachments that carry no Content-Type of their own
/// (uuencoded blocks).
enum MediaTypes {
    private static let byExtension: [String: (String, String)] = [
        "pdf": ("application", "pdf"), "zip": ("application", "zip"), "gz": ("application", "gzip"),
        "tgz": ("application", "gzip"), "tar": ("application", "x-tar"), "doc": ("application", "msword"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "xls": ("application", "vnd.ms-excel"),
        "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "ppt": ("application", "vnd.ms-powerpoint"), "rtf": ("application", "rtf"), "exe": ("application", "x-msdownload"),
        "jpg": ("image", "jpeg"), "jpeg": ("image", "jpeg"), "png": ("image", "png"), "gif": ("image", "gif"),
        "bmp": ("image", "bmp"), "tif": ("image", "tiff"), "tiff": ("image", "tiff"), "svg": ("image", "svg+xml"),
        "txt": ("text", "plain"), "htm": ("text", "html"), "html": ("text", "html"), "csv": ("text", "csv"),
        "mp3": ("audio", "mpeg"), "wav": ("audio", "wav"), "mp4": ("video", "mp4"), "avi": ("video", "x-msvideo"),
        "eml": ("message", "rfc822"), "ics": ("text", "calendar"), "vcf": ("text", "vcard"),
    ]

    /// The media type for a file name's extension; application/octet-stream when unknown.
    static func guess(filename: String) -> ContentType {
        guard let dot = filename.lastIndex(of: ".") else { return .octetStream }
        let ext = filename[filename.index(after: dot)...].lowercased()
        guard let (type, subtype) = byExtension[ext] else { return .octetStream }
        return ContentType(type: type, subtype: subtype)
    }
}
