import Extraction

extension EnrichedEvent {
    /// The event as compact JSON, written directly (the hot path; `Encodable` stays for tools
    /// and tests). Same members and values as encoding with `JSONEncoder`, in declaration order.
    /// - Returns: `nil` when a number is not finite (JSON cannot hold it).
    public func jsonBytes() -> [UInt8]? {
        var w = JSONByteWriter(capacity: 2048 + 160 * entities.count + 400 * (stances.count + quotes.count))
        w.beginObject()
        w.key("schema")
        w.string(schema)
        w.key("article")
        w.beginObject()
        w.key("id")
        w.string(article.id)
        w.key("title")
        w.string(article.title)
        w.key("url")
        w.string(article.url)
        w.key("source")
        w.string(article.source)
        w.key("published_at")
        w.string(article.publishedAt)
        w.key("language")
        w.string(article.language)
        w.endObject()
        if let origin {
            w.key("origin")
            w.beginObject()
            w.key("topic")
            w.string(origin.topic)
            w.key("partition")
            w.int(origin.partition)
            w.key("offset")
            w.int(origin.offset)
            w.endObject()
        }
        w.key("entities")
        w.beginArray()
        for entity in entities {
            w.element()
            w.write(entity)
        }
        w.endArray()
        w.key("stances")
        w.beginArray()
        for stance in stances {
            w.element()
            w.beginObject()
            w.writeMembers(of: stance)
            w.endObject()
        }
        w.endArray()
        w.key("quotes")
        w.beginArray()
        for quote in quotes {
            w.element()
            w.write(quote)
        }
        w.endArray()
        w.key("extractor")
        w.beginObject()
        w.key("version")
        w.string(extractor.version)
        w.key("knowledge_base")
        w.string(extractor.knowledgeBase)
        w.endObject()
        w.key("processed_at")
        w.string(processedAt)
        w.endObject()
        return w.isValid ? w.bytes : nil
    }
}

extension StanceEvent {
    /// The event as compact JSON, written directly; see ``EnrichedEvent/jsonBytes()``.
    public func jsonBytes() -> [UInt8]? {
        var w = JSONByteWriter(capacity: 512 + stance.evidence.text.utf8.count)
        w.beginObject()
        w.writeMembers(of: stance)
        w.key("article_id")
        w.string(articleId)
        w.key("holder_name")
        w.string(holderName)
        w.key("holder_type")
        w.string(holderType?.rawValue)
        w.key("published_at")
        w.string(publishedAt)
        w.endObject()
        return w.isValid ? w.bytes : nil
    }
}

extension JSONByteWriter {
    mutating func write(_ entity: Entity) {
        beginObject()
        key("id")
        string(entity.id)
        key("name")
        string(entity.name)
        key("type")
        string(entity.type.rawValue)
        key("kb_id")
        string(entity.kbId)
        key("salience")
        double(entity.salience)
        key("mention_count")
        int(entity.mentionCount)
        key("mentions")
        beginArray()
        for mention in entity.mentions {
            element()
            beginObject()
            key("field")
            string(mention.field.rawValue)
            key("start")
            int(mention.start)
            key("end")
            int(mention.end)
            key("text")
            string(mention.text)
            endObject()
        }
        endArray()
        endObject()
    }

    /// The members of a stance object, without braces (the stance event adds its own).
    mutating func writeMembers(of stance: Stance) {
        key("holder")
        string(stance.holder)
        key("target")
        beginObject()
        switch stance.target {
        case .topic(let t):
            key("topic")
            string(t)
        case .entity(let e):
            key("entity")
            string(e)
        case .text(let s):
            key("text")
            string(s)
        }
        endObject()
        key("polarity")
        string(stance.polarity.rawValue)
        key("confidence")
        double(stance.confidence)
        key("cue")
        string(stance.cue)
        key("evidence")
        beginObject()
        key("field")
        string(stance.evidence.field.rawValue)
        key("start")
        int(stance.evidence.start)
        key("end")
        int(stance.evidence.end)
        key("text")
        string(stance.evidence.text)
        endObject()
    }

    mutating func write(_ quote: Quote) {
        beginObject()
        key("speaker")
        string(quote.speaker)
        key("text")
        string(quote.text)
        key("field")
        string(quote.field.rawValue)
        key("start")
        int(quote.start)
        key("end")
        int(quote.end)
        endObject()
    }
}
