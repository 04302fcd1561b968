#include "BaseModel.h"
#include "FuzzBytes.h"
#include "FuzzTargets.h"
#include "KnownLimits.h"
#include "TextRoundTrip.h"
#include "diagnostics/ModelError.h"
#include "equations/EquationParser.h"
#include "expr/DimensionChecker.h"
#include "expr/Parser.h"
#include "model/CheckedModel.h"

namespace spikestudio::fuzz {

namespace {

// An input's first byte chooses what its text is: a field of the base model
// (byte % field count), or one of these.
constexpr std::uint8_t kBareExpression = 255;
constexpr std::uint8_t kBareStatements = 254;
constexpr std::uint8_t kBareEquations = 253;

const CheckedGroup& checkedGroupG() {
    static const CheckedModel model = checkModel(baseModel());
    return model.groups.front();
}

/// Parsed, printed and parsed again, then checked in the scope of group G.
void checkExpression(const std::string& text) {
    ExprPtr expr;
    try {
        expr = parseExpression(text);
    } catch (const ModelError&) {
        return;
    }
    requireTextRoundTrip(expr);
    try {
        checkDimensions(expr, *checkedGroupG().scope);
    } catch (const ModelError&) {
    }
}

void checkStatements(const std::string& text) {
    try {
        for (const Statement& statement : parseStatements(text))
            requireTextRoundTrip(statement);
    } catch (const ModelError&) {
    }
}

void checkEquations(const std::string& text) {
    try {
        for (const Equation& equation : parseEquations(text))
            if (equation.expr)
                requireTextRoundTrip(equation.expr);
    } catch (const ModelError&) {
    }
}

/// The path text typed into a field takes: the whole model is checked.
void checkInModel(const TextField& field, const std::string& text) {
    Model model = baseModel();
    field.set(model, text);
    try {
        checkModel(std::move(model));
    } catch (const ModelError&) {
    }
}

} // namespace

void fuzzExpression(std::span<const std::uint8_t> input) {
    if (input.size() > kMaxTextBytes + 1)
        return;
    FuzzBytes bytes(input);
    const std::uint8_t mode = bytes.byte();
    const std::string text = bytes.rest();
    if (mode == kBareExpression)
        checkExpression(text);
    else if (mode == kBareStatements)
        checkStatements(text);
    else if (mode == kBareEquations)
        checkEquations(text);
    else
        checkInModel(textFields()[mode % textFields().size()], text);
}

} // namespace spikestudio::fuzz
