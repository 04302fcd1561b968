#include "TextRoundTrip.h"

#include "FuzzTargets.h"
#include "diagnostics/ModelError.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"

#include <cstring>

namespace spikestudio::fuzz {

namespace {

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameTree(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.op != b.op || a.name != b.name || a.boolean != b.boolean ||
        !sameBits(a.number, b.number) || a.isIntegerLiteral != b.isIntegerLiteral ||
        a.operands.size() != b.operands.size())
        return false;
    for (size_t k = 0; k < a.operands.size(); ++k)
        if (!sameTree(*a.operands[k], *b.operands[k]))
            return false;
    return true;
}

template <typename Parse> auto reparse(const std::string& text, Parse parse) {
    try {
        return parse(text);
    } catch (const ModelError& error) {
        throw InvariantBroken("toText gives '" + text + "', which does not parse: " + error.what());
    }
}

} // namespace

void requireTextRoundTrip(const ExprPtr& expr) {
    const std::string text = toText(expr);
    const ExprPtr again = reparse(text, [](const std::string& t) { return parseExpression(t); });
    if (!sameTree(*expr, *again))
        throw InvariantBroken("toText gives '" + text +
                              "' for a different tree (it reads back as '" + toText(again) + "')");
}

void requireTextRoundTrip(const Statement& statement) {
    const std::string text = toText(statement);
    const std::vector<Statement> again =
        reparse(text, [](const std::string& t) { return parseStatements(t); });
    if (again.size() != 1 || again[0].target != statement.target || again[0].op != statement.op ||
        !sameTree(*again[0].value, *statement.value))
        throw InvariantBroken("toText gives '" + text + "' for a different statement");
}

} // namespace spikestudio::fuzz
