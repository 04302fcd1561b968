#include "expr/Lexer.h"

#include "diagnostics/ModelError.h"

#include <cctype>
#include <charconv>

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
    Scanner(std::string_view text, LineBreaks lineBreaks)
        : text_(text), lineBreaksSeparate_(lineBreaks == LineBreaks::SeparateStatements) {}

    std::vector<Token> run() {
        while (pos_ < text_.size())
            scanOne();
        tokens_.push_back(Token{TokenKind::End, "", 0.0, false, here()});
        return std::move(tokens_);
    }

private:
    TextPosition here() const { return {line_, static_cast<int>(pos_ - lineStart_) + 1}; }

    void scanOne() {
        const char c = text_[pos_];
        if (c == '\n') {
            if (depth_ == 0 && lineBreaksSeparate_)
                tokens_.push_back(Token{TokenKind::Newline, "\n", 0.0, false, here()});
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
        tokens_.push_back(std::move(token));
    }

    void scanIdentifier() {
        const TextPosition start = here();
        const size_t begin = pos_;
        while (pos_ < text_.size() && isIdentifierChar(text_[pos_]))
            ++pos_;
        tokens_.push_back(Token{TokenKind::Identifier,
                                std::string(text_.substr(begin, pos_ - begin)), 0.0, false, start});
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
                tokens_.push_back(Token{TokenKind::Operator, std::string(op), 0.0, false, start});
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
    std::vector<Token> tokens_;
};

} // namespace

std::vector<Token> tokenize(std::string_view text, LineBreaks lineBreaks) {
    return Scanner(text, lineBreaks).run();
}

} // namespace spikestudio
