#include "model/SynapseGenerator.h"

#include "diagnostics/ModelError.h"
#include "equations/NameRules.h"
#include "expr/ExprLimits.h"
#include "expr/Lexer.h"
#include "expr/Parser.h"

#include <vector>

namespace spikestudio {

namespace {

/// Byte offset of a 1-based line and column in `text`.
size_t offsetOf(std::string_view text, const TextPosition& at) {
    size_t offset = 0;
    for (int line = 1; line < at.line && offset < text.size(); ++offset)
        if (text[offset] == '\n')
            ++line;
    return offset + static_cast<size_t>(at.column - 1);
}

[[noreturn]] void failAt(const TextPosition& at, const std::string& problem) {
    throw ModelError({"", "", at.line, at.column}, problem);
}

/// A stretch of the text between two tokens, parsed as an expression with
/// positions moved into whole-text coordinates.
class Pieces {
public:
    Pieces(std::string_view text, const std::vector<Token>& tokens)
        : text_(text), tokens_(tokens) {}

    /// Tokens [first, last) as an expression.
    ExprPtr expression(size_t first, size_t last, const char* what) const {
        const TextPosition start =
            first < tokens_.size() ? tokens_[first].position : tokens_.back().position;
        if (first >= last)
            failAt(start, std::string("syntax error: missing ") + what);
        const size_t begin = offsetOf(text_, start);
        const size_t end = offsetOf(text_, tokens_[last].position);
        // Brian2 reads the generator inside brackets, where line breaks separate nothing.
        return parseExpressionAt(text_.substr(begin, end - begin), start,
                                 LineBreaks::AreWhiteSpace);
    }

private:
    std::string_view text_;
    const std::vector<Token>& tokens_;
};

// The whole text holds no more terms than one expression may.
std::vector<Token> boundedTokens(std::string_view text) {
    BoundedTokens bounded = tokenize(text, LineBreaks::AreWhiteSpace, ExprLimits::kMaxTerms);
    if (bounded.terms > ExprLimits::kMaxTerms)
        failAt({1, 1}, tooLongMessage(TextKind::Expression, bounded.terms));
    return std::move(bounded.tokens);
}

class GeneratorParser {
public:
    explicit GeneratorParser(std::string_view text)
        : tokens_(boundedTokens(text)), pieces_(text, tokens_) {}

    SynapseGenerator run() {
        if (tokens_.size() <= 1 || tokens_[0].kind == TokenKind::End)
            failAt({1, 1}, "the generator expression is empty");
        const size_t end = tokens_.size() - 1; // the End token
        const size_t forAt = findWord("for", 0, end);
        SynapseGenerator g;
        if (forAt == end) { // bare form: ELEMENT for _ in range(1)
            g.element = pieces_.expression(0, end, "expression");
            g.variable = "_";
            g.low = makeNumber(0, true);
            g.high = makeNumber(1, true);
            g.step = makeNumber(1, true);
            return g;
        }
        g.element = pieces_.expression(0, forAt, "expression before 'for'");
        const size_t inAt = findWord("in", forAt + 1, end);
        if (inAt == end)
            failAt(tokens_[forAt].position, "syntax error: 'for' without 'in'");
        loopVariable(g, forAt + 1, inAt);
        const size_t ifAt = findWord("if", inAt + 1, end);
        if (ifAt != end) {
            if (findWord("if", ifAt + 1, end) != end)
                failAt(tokens_[findWord("if", ifAt + 1, end)].position,
                       "a generator may have only one 'if'");
            g.condition = pieces_.expression(ifAt + 1, end, "condition after 'if'");
        }
        iterator(g, inAt + 1, ifAt);
        return g;
    }

private:
    /// Whether the brackets at `first` and `last - 1` enclose all of [first, last).
    bool enclosedInBrackets(size_t first, size_t last) const {
        if (last < first + 2 || !tokens_[first].is("(") || !tokens_[last - 1].is(")"))
            return false;
        int depth = 0;
        for (size_t k = first; k + 1 < last; ++k) {
            depth += tokens_[k].is("(") - tokens_[k].is(")");
            if (depth == 0)
                return false;
        }
        return true;
    }

    /// The first identifier `word` at bracket depth 0 in [first, last), or last.
    size_t findWord(const char* word, size_t first, size_t last) const {
        int depth = 0;
        for (size_t k = first; k < last; ++k) {
            depth += tokens_[k].is("(") - tokens_[k].is(")");
            if (depth == 0 && tokens_[k].isWord(word))
                return k;
        }
        return last;
    }

    void loopVariable(SynapseGenerator& g, size_t first, size_t last) const {
        if (last != first + 1 || tokens_[first].kind != TokenKind::Identifier)
            failAt(tokens_[first].position, "syntax error: expected one loop variable after 'for'");
        const std::string& name = tokens_[first].text;
        if (isLanguageKeyword(name) || !isIdentifier(name))
            failAt(tokens_[first].position, "'" + name + "' cannot be a loop variable");
        g.variable = name;
    }

    void iterator(SynapseGenerator& g, size_t first, size_t last) const {
        while (enclosedInBrackets(first, last))
            ++first, --last;
        const Token& function = tokens_[first];
        const bool isRange = function.isWord("range"), isSample = function.isWord("sample");
        if (!isRange && !isSample)
            failAt(function.position, "the generator must iterate over range(...) or sample(...)");
        if (first + 1 >= last || !tokens_[first + 1].is("(") || !tokens_[last - 1].is(")"))
            failAt(function.position, "syntax error: expected '" + function.text + "(...)'");
        g.iterator = isRange ? GeneratorIterator::Range : GeneratorIterator::Sample;
        std::vector<ExprPtr> positional;
        size_t start = first + 2;
        int depth = 0;
        for (size_t k = first + 2; k < last; ++k) {
            const bool closing = k == last - 1;
            if (!closing) {
                depth += tokens_[k].is("(") - tokens_[k].is(")");
                if (!(depth == 0 && tokens_[k].is(",")))
                    continue;
            }
            if (k == start && closing)
                break; // `range()` is reported below; `range(3,)` is fine, as in Python
            argument(g, start, k, positional);
            start = k + 1;
        }
        assignPositional(g, positional, function);
        if (isSample && !g.probability == !g.size)
            failAt(function.position, "sample() needs exactly one of 'p=' and 'size='");
    }

    void argument(SynapseGenerator& g, size_t first, size_t last,
                  std::vector<ExprPtr>& positional) const {
        const bool keyword = last > first + 1 && tokens_[first].kind == TokenKind::Identifier &&
                             tokens_[first + 1].is("=");
        if (!keyword) {
            if (g.probability || g.size)
                failAt(tokens_[first].position, "a positional argument follows a keyword argument");
            positional.push_back(pieces_.expression(first, last, "argument"));
            return;
        }
        const Token& name = tokens_[first];
        ExprPtr value = pieces_.expression(first + 2, last, "value after '='");
        if (name.text == "p" && !g.probability)
            g.probability = value;
        else if (name.text == "size" && !g.size)
            g.size = value;
        else
            failAt(name.position, "unexpected argument '" + name.text + "='");
        if (g.iterator == GeneratorIterator::Range)
            failAt(name.position, "range() takes no '" + name.text + "=' argument");
    }

    static void assignPositional(SynapseGenerator& g, const std::vector<ExprPtr>& arguments,
                                 const Token& function) {
        if (arguments.empty() || arguments.size() > 3)
            failAt(function.position, function.text + "() takes 1 to 3 positional arguments, got " +
                                          std::to_string(arguments.size()));
        const bool oneArgument = arguments.size() == 1;
        g.low = oneArgument ? makeNumber(0, true) : arguments[0];
        g.high = oneArgument ? arguments[0] : arguments[1];
        g.step = arguments.size() == 3 ? arguments[2] : makeNumber(1, true);
    }

    std::vector<Token> tokens_;
    Pieces pieces_;
};

} // namespace

SynapseGenerator parseSynapseGenerator(std::string_view text) {
    return GeneratorParser(text).run();
}

} // namespace spikestudio
