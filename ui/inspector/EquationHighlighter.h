#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace spikestudio {

/// Colours Brian2 equation and code text line by line: identifiers, function
/// calls, numbers, the unit after ':', flags in parentheses after the unit,
/// and '#' comments.
class EquationHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit EquationHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    void highlightCode(const QString& text, int from, int to);
    void highlightDeclaration(const QString& text, int from, int to);

    QTextCharFormat identifier_, function_, number_, unit_, flag_, comment_;
};

} // namespace spikestudio
