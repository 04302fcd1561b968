#include "diagnostics/ModelError.h"

namespace spikestudio {

std::string formatLocation(const SourceLocation& where) {
    std::string text;
    auto append = [&text](const std::string& part) {
        if (!text.empty())
            text += ", ";
        text += part;
    };
    if (!where.object.empty())
        append("'" + where.object + "'");
    if (!where.field.empty())
        append("field '" + where.field + "'");
    if (where.line > 0)
        append("line " + std::to_string(where.line));
    if (where.column > 0)
        append("column " + std::to_string(where.column));
    return text;
}

static std::string composeMessage(const SourceLocation& where, const std::string& problem) {
    const std::string location = formatLocation(where);
    return location.empty() ? problem : location + ": " + problem;
}

ModelError::ModelError(SourceLocation where, std::string problem)
    : UserError(composeMessage(where, problem)), where_(std::move(where)),
      problem_(std::move(problem)) {}

ModelError ModelError::underField(const std::string& object, const std::string& parent) const {
    return ModelError({object, parent + "." + where_.field, where_.line, where_.column}, problem_);
}

ModelError ModelError::locatedIn(const std::string& object, const std::string& field,
                                 int lineOffset, int columnOffset) const {
    SourceLocation moved = where_;
    if (moved.object.empty())
        moved.object = object;
    if (moved.field.empty())
        moved.field = field;
    if (moved.line > 0) {
        // Columns only shift on the first line of an embedded text.
        if (moved.line == 1)
            moved.column += columnOffset;
        moved.line += lineOffset;
    }
    return ModelError(moved, problem_);
}

} // namespace spikestudio
