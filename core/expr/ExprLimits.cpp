#include "expr/ExprLimits.h"

namespace spikestudio {

std::string tooLongMessage(TextKind kind, size_t terms) {
    const std::string figures = std::to_string(terms) + " terms";
    const std::string limit = "limit " + std::to_string(ExprLimits::kMaxTerms);
    const std::string what = " (every number, name, operator and call is a term)";
    switch (kind) {
    case TextKind::Expression:
        return "expression too long: " + figures + ", " + limit + what;
    case TextKind::Statements:
        return "code too long: " + figures + ", " + limit + what;
    case TextKind::Equations:
        return "equations too long: " + figures + " so far, " + limit +
               " for all equations together" + what;
    }
    return "too long: " + figures + ", " + limit + what;
}

} // namespace spikestudio
