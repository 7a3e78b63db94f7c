#pragma once

// Made-up but plausible text for generated scenarios: names, titles and sentences of the
// length real position files have. Plain YAML scalars only: no `: `, ` #`, quotes or
// leading indicators, so they are written unquoted.

#include <string>

#include "generate/random.h"

namespace entente::generate {

/// A party's name, e.g. "Northern Fisheries Council".
std::string party_name(Random& random);
/// An issue's title, e.g. "Inspection of fishing fleets".
std::string issue_title(Random& random);
/// What a position says: one sentence, sometimes two (about 40 to 200 characters).
std::string position_text(Random& random);
/// An analyst's remark on a position or stance: one short sentence.
std::string note_text(Random& random);
/// A source document's title.
std::string source_title(Random& random);
/// A few words of `text` (quoted as if verbatim from a source).
std::string quote_of(std::string_view text, Random& random);

}  // namespace entente::generate
