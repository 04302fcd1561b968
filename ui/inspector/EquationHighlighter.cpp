#include "inspector/EquationHighlighter.h"

#include <QRegularExpression>

namespace spikestudio {

namespace {

QTextCharFormat textFormat(const QColor& color, bool bold = false, bool italic = false) {
    QTextCharFormat result;
    result.setForeground(color);
    result.setFontWeight(bold ? QFont::DemiBold : QFont::Normal);
    result.setFontItalic(italic);
    return result;
}

} // namespace

EquationHighlighter::EquationHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document), identifier_(textFormat(QColor(0x1f, 0x3a, 0x68))),
      function_(textFormat(QColor(0x6f, 0x42, 0xc1), true)),
      number_(textFormat(QColor(0xb3, 0x50, 0x00))), unit_(textFormat(QColor(0x0b, 0x7a, 0x75))),
      flag_(textFormat(QColor(0x8a, 0x3f, 0xa0), false, true)),
      comment_(textFormat(QColor(0x8a, 0x90, 0x99), false, true)) {}

void EquationHighlighter::highlightBlock(const QString& text) {
    const int comment = text.indexOf(QLatin1Char('#'));
    const int codeEnd = comment < 0 ? int(text.size()) : comment;
    // In an equation, what follows ':' declares the unit and flags.
    const int colon = text.left(codeEnd).indexOf(QLatin1Char(':'));
    highlightCode(text, 0, colon < 0 ? codeEnd : colon);
    if (colon >= 0)
        highlightDeclaration(text, colon + 1, codeEnd);
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, comment_);
}

void EquationHighlighter::highlightCode(const QString& text, int from, int to) {
    static const QRegularExpression token(QStringLiteral(
        R"((\b\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)(\s*\()?)"));
    const QString code = text.mid(from, to - from);
    for (auto it = token.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int start = from + int(match.capturedStart());
        if (match.capturedLength(1) > 0)
            setFormat(start, int(match.capturedLength(1)), number_);
        else
            setFormat(start, int(match.capturedLength(2)),
                      match.capturedLength(3) > 0 ? function_ : identifier_);
    }
}

void EquationHighlighter::highlightDeclaration(const QString& text, int from, int to) {
    const int flags = text.indexOf(QLatin1Char('('), from);
    const int unitEnd = flags < 0 || flags > to ? to : flags;
    setFormat(from, unitEnd - from, unit_);
    if (unitEnd < to)
        setFormat(unitEnd, to - unitEnd, flag_);
}

} // namespace spikestudio
