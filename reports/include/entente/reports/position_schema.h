#pragma once

#include <iosfwd>

#include "entente/model.h"

// The JSON Schema (draft-07) of the position files (docs/schema.md), written from the format's
// key table (entente/format_keys.h): what `entente schema` prints, for editors.
namespace entente::reports {

/// The schema of every position file: scenario.yaml, a party file and the single-file form.
/// docs/schema/position-file.schema.json holds these bytes.
void write_position_schema(std::ostream& out);

/// The same, but that each reference may only name what `scenario` holds (its parties, issues,
/// sources and positions, and under a party its own positions for `via`), so that an editor
/// offers those names. `scenario` is valid.
void write_position_schema(const Scenario& scenario, std::ostream& out);

}  // namespace entente::reports
