#include "equations/EquationParser.h"

#include "diagnostics/ModelError.h"
#include "expr/Parser.h"
#include "expr/UnitDeclarationParser.h"

#include <cctype>

namespace spikestudio {

namespace {

bool isIdentifierStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// The equations text with comments blanked out, so positions stay valid.
std::string withoutComments(std::string_view text) {
    std::string result(text);
    bool inComment = false;
    for (char& c : result) {
        if (c == '\n')
            inComment = false;
        else if (c == '#')
            inComment = true;
        if (inComment)
            c = ' ';
    }
    return result;
}

/// Walks the text character by character, tracking line and column.
class EquationScanner {
public:
    explicit EquationScanner(std::string_view text) : text_(text) {}

    std::vector<Equation> run() {
        std::vector<Equation> equations;
        while (true) {
            skipBlank(true);
            if (atEnd())
                return equations;
            equations.push_back(equation());
        }
    }

private:
    bool atEnd() const { return pos_ >= text_.size(); }
    char current() const { return atEnd() ? '\0' : text_[pos_]; }
    TextPosition here() const { return {line_, static_cast<int>(pos_ - lineStart_) + 1}; }

    [[noreturn]] void fail(TextPosition at, const std::string& message) const {
        throw ModelError({"", "", at.line, at.column}, message);
    }

    void advance() {
        if (current() == '\n') {
            ++line_;
            lineStart_ = pos_ + 1;
        }
        ++pos_;
    }

    void skipBlank(bool newlinesToo) {
        while (!atEnd() && (current() == ' ' || current() == '\t' || current() == '\r' ||
                            (newlinesToo && current() == '\n')))
            advance();
    }

    std::string identifier(const char* what) {
        skipBlank(false);
        const TextPosition at = here();
        if (!isIdentifierStart(current()))
            fail(at, std::string("syntax error: expected ") + what);
        std::string name;
        while (!atEnd() && isIdentifierChar(current())) {
            name += current();
            advance();
        }
        return name;
    }

    Equation equation() {
        Equation eq;
        eq.position = here();
        std::string first = identifier("a variable name at the start of an equation");
        skipBlank(false);
        if (current() == '/' && first.size() > 1 && first[0] == 'd') {
            advance();
            const std::string denominator = identifier("'dt' in a differential equation");
            if (denominator != "dt")
                fail(eq.position, "syntax error: a differential equation must read 'd" +
                                      first.substr(1) + "/dt = ...'");
            eq.kind = EquationKind::Differential;
            eq.name = first.substr(1);
            eq.position.column += 1;
            skipBlank(false);
            expect('=', "'=' after 'd" + eq.name + "/dt'");
            eq.expr = expressionUntilColon();
        } else if (current() == '=') {
            advance();
            eq.kind = EquationKind::Subexpression;
            eq.name = first;
            eq.expr = expressionUntilColon();
        } else if (current() == ':') {
            eq.kind = EquationKind::Parameter;
            eq.name = first;
        } else {
            fail(here(), "syntax error: expected '=' or ':' after '" + first + "'");
        }
        expect(':', "':' followed by the unit of '" + eq.name + "'");
        unitAndFlags(eq);
        return eq;
    }

    void expect(char c, const std::string& what) {
        skipBlank(false);
        if (current() != c)
            fail(here(), "syntax error: expected " + what);
        advance();
    }

    // The expression runs to the next ':' and may span lines: Brian2 reads line
    // breaks in it as white space, also outside brackets (`-v/tau +` then `I/tau`).
    ExprPtr expressionUntilColon() {
        const TextPosition start = here();
        const size_t begin = pos_;
        while (!atEnd() && current() != ':')
            advance();
        if (atEnd())
            fail(start, "syntax error: missing ':' and unit after the expression");
        return parseExpressionAt(text_.substr(begin, pos_ - begin), start,
                                 LineBreaks::AreWhiteSpace, &terms_);
    }

    void unitAndFlags(Equation& eq) {
        skipBlank(false);
        const TextPosition unitStart = here();
        const size_t begin = pos_;
        while (!atEnd() && current() != '\n' && current() != '(')
            advance();
        std::string_view unitText = text_.substr(begin, pos_ - begin);
        // "(volt/second)" is a unit in brackets, not a flag list: flags follow a unit.
        while (!unitText.empty() && std::isspace(static_cast<unsigned char>(unitText.back())))
            unitText.remove_suffix(1);
        if (unitText.empty())
            fail(unitStart, "syntax error: missing unit for '" + eq.name + "'");
        try {
            eq.unit = parseUnitDeclaration(unitText);
        } catch (const ModelError& error) {
            throw ModelError({"", "", unitStart.line, unitStart.column + error.where().column - 1},
                             error.problem());
        }
        if (current() == '(')
            flags(eq);
        skipBlank(false);
        if (!atEnd() && current() != '\n')
            fail(here(), "syntax error: unexpected text after the unit of '" + eq.name + "'");
    }

    void flags(Equation& eq) {
        advance(); // '('
        while (true) {
            skipBlank(false);
            const TextPosition at = here();
            std::string flag;
            while (!atEnd() && current() != ',' && current() != ')' && current() != '\n') {
                flag += current();
                advance();
            }
            while (!flag.empty() && std::isspace(static_cast<unsigned char>(flag.back())))
                flag.pop_back();
            if (flag.empty())
                fail(at, "syntax error: empty flag for '" + eq.name + "'");
            eq.flags.insert(flag);
            if (current() == ')') {
                advance();
                return;
            }
            if (current() != ',')
                fail(here(), "syntax error: missing ')' after the flags of '" + eq.name + "'");
            advance();
        }
    }

    std::string_view text_;
    TermBudget terms_; // all expressions of the text share one limit
    size_t pos_ = 0;
    size_t lineStart_ = 0;
    int line_ = 1;
};

} // namespace

std::vector<Equation> parseEquations(std::string_view text) {
    const std::string cleaned = withoutComments(text);
    return EquationScanner(cleaned).run();
}

} // namespace spikestudio
