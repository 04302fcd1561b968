#include "expr/Lexer.h"

#include "diagnostics/ModelError.h"

#include <cctype>
#include <charconv>
#include <cstdint>

namespace spikestudio {

namespace {

// Longest operators first so that "**=" wins over "**" and "*".
constexpr std::string_view kOperators[] = {
    "**=", "//", "**", "+=", "-=", "*=", "/=", "%=", "<=", ">=", "==", "!=",
    "+",   "-",  "*",  "/",  "%",  "<",  ">",  "=",  "(",  ")",  ",",  ";",
};

bool isIdentifierStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

class Scanner {
public:
    Scanner(std::string_view text, LineBreaks lineBreaks, size_t maxTerms)
        : text_(text), lineBreaksSeparate_(lineBreaks == LineBreaks::SeparateStatements),
          maxTerms_(maxTerms) {}

    BoundedTokens run() {
        while (pos_ < text_.size())
            scanOne();
        add(Token{TokenKind::End, "", 0.0, false, here()});
        return {std::move(tokens_), terms_};
    }

private:
    static bool isTerm(const Token& token) {
        if (token.kind == TokenKind::Number || token.kind == TokenKind::Identifier)
            return true;
        if (token.kind != TokenKind::Operator)
            return false;
        static constexpr std::string_view kPunctuation[] = {
            "(", ")", ",", ";", "=", "+=", "-=", "*=", "/=", "%=", "**="};
        for (std::string_view mark : kPunctuation)
            if (token.text == mark)
                return false;
        return true;
    }

    // Past the limit the text is only counted, so that an enormous text
    // costs time in proportion to its length but no memory.
    void add(Token token) {
        if (isTerm(token) && ++terms_ > maxTerms_) {
            tokens_.clear();
            tokens_.shrink_to_fit();
        }
        if (terms_ <= maxTerms_)
            tokens_.push_back(std::move(token));
    }

    TextPosition here() const { return {line_, static_cast<int>(pos_ - lineStart_) + 1}; }

    void scanOne() {
        const char c = text_[pos_];
        if (c == '\n') {
            if (depth_ == 0 && lineBreaksSeparate_)
                add(Token{TokenKind::Newline, "\n", 0.0, false, here()});
            ++pos_;
            ++line_;
            lineStart_ = pos_;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++pos_;
        } else if (c == '#') {
            while (pos_ < text_.size() && text_[pos_] != '\n')
                ++pos_;
        } else if (isDigit(c) ||
                   (c == '.' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1]))) {
            scanNumber();
        } else if (isIdentifierStart(c)) {
            scanIdentifier();
        } else {
            scanOperator();
        }
    }

    void scanNumber() {
        const TextPosition start = here();
        const size_t begin = pos_;
        bool isInteger = true;
        while (pos_ < text_.size() && isDigit(text_[pos_]))
            ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '.') {
            isInteger = false;
            ++pos_;
            while (pos_ < text_.size() && isDigit(text_[pos_]))
                ++pos_;
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            size_t look = pos_ + 1;
            if (look < text_.size() && (text_[look] == '+' || text_[look] == '-'))
                ++look;
            if (look < text_.size() && isDigit(text_[look])) {
                isInteger = false;
                pos_ = look;
                while (pos_ < text_.size() && isDigit(text_[pos_]))
                    ++pos_;
            }
        }
        if (pos_ < text_.size() && isIdentifierChar(text_[pos_]))
            throw ModelError({"", "", start.line, start.column},
                             "invalid number '" +
                                 std::string(text_.substr(begin, pos_ - begin + 1)) + "'");
        Token token{TokenKind::Number, std::string(text_.substr(begin, pos_ - begin)), 0.0,
                    isInteger, start};
        const auto result =
            std::from_chars(token.text.data(), token.text.data() + token.text.size(), token.number);
        if (result.ec == std::errc::result_out_of_range)
            throw ModelError({"", "", start.line, start.column},
                             "number '" + token.text + "' is out of range");
        add(std::move(token));
    }

    void scanIdentifier() {
        const TextPosition start = here();
        const size_t begin = pos_;
        while (pos_ < text_.size() && isIdentifierChar(text_[pos_]))
            ++pos_;
        add(Token{TokenKind::Identifier, std::string(text_.substr(begin, pos_ - begin)), 0.0, false,
                  start});
    }

    void scanOperator() {
        const TextPosition start = here();
        for (std::string_view op : kOperators) {
            if (text_.substr(pos_, op.size()) == op) {
                if (op == "(")
                    ++depth_;
                else if (op == ")" && depth_ > 0)
                    --depth_;
                pos_ += op.size();
                add(Token{TokenKind::Operator, std::string(op), 0.0, false, start});
                return;
            }
        }
        throw ModelError({"", "", start.line, start.column},
                         "syntax error: unexpected character " + describeCharacter(text_[pos_]));
    }

    static std::string describeCharacter(char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f)
            return "'" + std::string(1, c) + "'";
        static const char* hex = "0123456789abcdef";
        return std::string("byte 0x") + hex[byte >> 4] + hex[byte & 15];
    }

    std::string_view text_;
    bool lineBreaksSeparate_;
    size_t pos_ = 0;
    size_t lineStart_ = 0;
    int line_ = 1;
    int depth_ = 0;
    size_t maxTerms_;
    size_t terms_ = 0;
    std::vector<Token> tokens_;
};

} // namespace

std::vector<Token> tokenize(std::string_view text, LineBreaks lineBreaks) {
    return Scanner(text, lineBreaks, SIZE_MAX).run().tokens;
}

BoundedTokens tokenize(std::string_view text, LineBreaks lineBreaks, size_t maxTerms) {
    return Scanner(text, lineBreaks, maxTerms).run();
}

} // namespace spikestudio
