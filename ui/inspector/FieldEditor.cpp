#include "inspector/FieldEditor.h"

#include "inspector/CodeEdit.h"

#include <QLabel>
#include <QVBoxLayout>

namespace spikestudio {

FieldEditor::FieldEditor(QString field, int visibleLines, const QString& placeholder,
                         QWidget* parent)
    : QWidget(parent), field_(std::move(field)), editor_(new CodeEdit(visibleLines, this)),
      message_(new QLabel(this)) {
    setObjectName("field:" + field_);
    editor_->setPlaceholderText(placeholder);
    message_->setObjectName("problem:" + field_);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    message_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor_);
    layout->addWidget(message_);
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
        if (!settingText_)
            emit edited(field_, text());
    });
}

QString FieldEditor::text() const {
    return editor_->toPlainText();
}

void FieldEditor::setText(const QString& text) {
    settingText_ = true;
    editor_->setTextIfDifferent(text);
    settingText_ = false;
}

void FieldEditor::showProblem(const QString& message, int line, int column) {
    message_->setText(line > 0 ? tr("Line %1, column %2: %3").arg(line).arg(column).arg(message)
                               : message);
    message_->show();
    editor_->underlineProblem(line, column);
}

void FieldEditor::clearProblem() {
    message_->clear();
    message_->hide();
    editor_->clearProblem();
}

QString FieldEditor::problemText() const {
    return message_->text();
}

} // namespace spikestudio
