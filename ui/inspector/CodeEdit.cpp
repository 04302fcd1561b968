#include "inspector/CodeEdit.h"

#include "inspector/EquationHighlighter.h"

#include <QFontDatabase>
#include <QTextBlock>

namespace spikestudio {

CodeEdit::CodeEdit(int visibleLines, QWidget* parent)
    : QPlainTextEdit(parent), visibleLines_(visibleLines) {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setTabChangesFocus(true);
    if (visibleLines_ == 1) {
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    setSizePolicy(QSizePolicy::Expanding,
                  visibleLines_ == 1 ? QSizePolicy::Fixed : QSizePolicy::Preferred);
    new EquationHighlighter(document());
}

void CodeEdit::setTextIfDifferent(const QString& text) {
    if (toPlainText() != text)
        setPlainText(text);
}

QTextCursor CodeEdit::problemSpan(int line, int column) const {
    QTextCursor cursor(document());
    if (line <= 0) {
        cursor.select(QTextCursor::Document);
        return cursor;
    }
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid()) {
        cursor.select(QTextCursor::Document);
        return cursor;
    }
    const QString text = block.text();
    int start = std::clamp(column - 1, 0, std::max(0, int(text.size()) - 1));
    auto isWord = [&](int k) {
        return text[k].isLetterOrNumber() || text[k] == '_' || text[k] == '.';
    };
    int end = start + 1;
    if (!text.isEmpty() && isWord(start)) {
        while (start > 0 && isWord(start - 1))
            --start;
        while (end < text.size() && isWord(end))
            ++end;
    }
    cursor.setPosition(block.position() + start);
    cursor.setPosition(block.position() + std::min<int>(end, int(text.size())),
                       QTextCursor::KeepAnchor);
    return cursor;
}

void CodeEdit::underlineProblem(int line, int column) {
    QTextEdit::ExtraSelection selection;
    selection.cursor = problemSpan(line, column);
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(0xd0, 0x31, 0x2d));
    setExtraSelections({selection});
}

void CodeEdit::clearProblem() {
    setExtraSelections({});
}

QSize CodeEdit::sizeHint() const {
    const int lineHeight = fontMetrics().lineSpacing();
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return {240, lineHeight * visibleLines_ + frame};
}

QSize CodeEdit::minimumSizeHint() const {
    return {80, sizeHint().height()};
}

} // namespace spikestudio
