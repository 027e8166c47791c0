/// Small closed-class word lists of English news prose that the text layer needs.
///
/// These are properties of the language, not of the news domain, so they live in code; the
/// newsroom-editable knowledge base holds names.
enum TextLexicon {
    /// Words that keep a following period: titles, months, street and corporate suffixes.
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
        "gov", "sen", "rep", "reps", "sens", "pres", "amb", "hon", "rev", "fr", "sr", "jr", "st", "ste", "mt",
        "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
        "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "inc", "corp", "ltd", "co", "bros", "dept", "univ",
        "vs", "approx", "est", "fig", "gens", "sec", "secs", "atty", "supt", "insp", "lieut", "brig", "cdr",
        "messrs", "mme", "mlle", "vol", "ca", "cf", "al", "op", "ed", "pp",
    ]

    /// Abbreviations that take a period only before a number: "No. 10", "Art. 5".
    static let numberAbbreviations: WordSet = ["no", "nos", "art", "arts", "p", "pt", "para", "ch", "sec"]

    /// Words that begin a new sentence even after an acronym such as "U.S.".
    static let sentenceStarters: WordSet = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "this", "that", "these", "those",
        "there", "in", "on", "at", "however", "meanwhile", "still", "yet", "so", "his", "her", "its", "their",
        "our", "as", "after", "before", "while", "when", "if", "officials", "both", "some", "many", "no",
    ]

    /// Function words that stay lowercase in headline case.
    static let headlineSmallWords: WordSet = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "as", "vs", "via", "into", "onto", "over", "after", "amid", "per", "than", "up", "off", "out",
    ]

    /// Starts of lines that belong to the page around an article, lowercased, punctuation kept.
    static let boilerplatePrefixes: [String] = [
        "leave a reply", "leave a comment", "share this", "share on", "subscribe", "related:", "related articles",
        "related stories", "related posts", "read more", "read also", "see also", "advertisement", "sign up",
        "follow us", "no comments yet", "you may also like", "click here", "all rights reserved", "copyright",
        "©", "cookie", "recommended", "trending", "most read", "most popular", "newsletter", "tags:",
        "filed under", "posted in", "comments", "print this", "email this", "tweet this",
    ]

    /// First words of credit lines ("Reporting by …; Editing by …"): their capitals are names,
    /// not headline case.
    static let creditLineStarts: WordSet = ["reporting", "writing", "editing", "additional", "compiled", "by", "written", "edited", "photo", "photos", "video"]

    /// First words of ``boilerplatePrefixes``.
    static let boilerplateFirstWords = WordSet(
        boilerplatePrefixes.compactMap { prefix -> String? in
            let word = prefix.prefix { $0.isLetter }
            return word.isEmpty ? nil : String(word)
        })

    /// A boilerplate line holds at most this many words.
    static let boilerplateMaxWords = 12
}
