#pragma once

#include "diagnostics/UserError.h"

#include <string>

namespace spikestudio {

/// Where a problem sits in a model: the object ("P"), the field ("equations"),
/// and, for text fields, the 1-based line and column (0 when they do not apply).
struct SourceLocation {
    std::string object;
    std::string field;
    int line = 0;
    int column = 0;
};

/// The one exception type for bad input anywhere in a model. Its what() is the
/// complete message a user sees: location first, then the problem.
class ModelError : public UserError {
public:
    ModelError(SourceLocation where, std::string problem);

    const SourceLocation& where() const { return where_; }
    const std::string& problem() const { return problem_; }

    /// A copy with object/field filled in where this error left them empty and
    /// with line/column offset into a larger text (for errors raised by a parser
    /// that only saw one expression).
    ModelError locatedIn(const std::string& object, const std::string& field, int lineOffset = 0,
                         int columnOffset = 0) const;

    /// A copy naming `object` and its field as part of `parent` (an error of
    /// a group's `times[3]` checked for a protocol entry becomes
    /// `protocol[1].set[0].times[3]`); line and column kept.
    ModelError underField(const std::string& object, const std::string& parent) const;

private:
    SourceLocation where_;
    std::string problem_;
};

/// Formats "object 'P', field 'equations', line 2, column 7: problem".
std::string formatLocation(const SourceLocation& where);

} // namespace spikestudio
