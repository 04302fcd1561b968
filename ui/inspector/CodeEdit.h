#pragma once

#include <QPlainTextEdit>

namespace spikestudio {

class EquationHighlighter;

/// A small editor for Brian2 text (equations, conditions, code): monospace,
/// highlighted, sized to a number of lines, and able to underline the span a
/// diagnostic points at with a red wavy line.
class CodeEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit CodeEdit(int visibleLines, QWidget* parent = nullptr);

    /// Replaces the text unless it is already equal (keeps cursor and undo).
    void setTextIfDifferent(const QString& text);

    /// Underlines the token at 1-based line and column; the whole text when
    /// the position is unknown (0).
    void underlineProblem(int line, int column);
    void clearProblem();
    bool hasProblemUnderline() const { return !extraSelections().isEmpty(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    QTextCursor problemSpan(int line, int column) const;

    int visibleLines_;
};

} // namespace spikestudio
