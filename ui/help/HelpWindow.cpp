#include "help/HelpWindow.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>

// The guide lives in a static library: its resource is registered by hand.
static void registerGuide() {
    Q_INIT_RESOURCE(help);
}

namespace spikestudio {

namespace {

constexpr int kBlockRole = Qt::UserRole;

} // namespace

HelpWindow::HelpWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), contents_(new QListWidget(this)),
      browser_(new QTextBrowser(this)) {
    setObjectName("helpWindow");
    setWindowTitle(tr("Spike Studio Guide"));
    contents_->setObjectName("helpContents");
    browser_->setObjectName("helpText");
    browser_->setOpenExternalLinks(true);
    browser_->document()->setDocumentMargin(16);
    browser_->setMarkdown(guideText());
    auto* split = new QSplitter(this);
    split->addWidget(contents_);
    split->addWidget(browser_);
    split->setStretchFactor(1, 1);
    split->setSizes({220, 700});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    styleTables();
    listSections();
    auto* close = new QAction(tr("Close"), this);
    close->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence("Ctrl+W")});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    auto follow = [this](QListWidgetItem* item) {
        if (item)
            scrollToBlock(item->data(kBlockRole).toInt());
    };
    connect(contents_, &QListWidget::currentItemChanged, this, follow);
    connect(contents_, &QListWidget::itemClicked, this, follow);
    resize(960, 720);
}

QString HelpWindow::guideText() {
    registerGuide();
    QFile guide(QStringLiteral(":/help/user-guide.md"));
    if (!guide.open(QIODevice::ReadOnly))
        return tr("# The guide is missing\n\nThis build of Spike Studio has no user guide.");
    return QString::fromUtf8(guide.readAll());
}

// Markdown tables come without padding; these read like the rest of the guide.
void HelpWindow::styleTables() {
    for (QTextFrame* frame : browser_->document()->rootFrame()->childFrames())
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat format = table->format();
            format.setCellPadding(4);
            format.setCellSpacing(0);
            format.setBorder(1);
            format.setBorderBrush(QColor(0xd0, 0xd4, 0xda));
            format.setBorderCollapse(true);
            table->setFormat(format);
        }
}

// Level 2 and 3 headings; the level 1 title is the window's.
void HelpWindow::listSections() {
    const QSignalBlocker quiet(contents_); // the guide opens at its top
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level < 2 || level > 3)
            continue;
        auto* item = new QListWidgetItem(QString(4 * (level - 2), ' ') + block.text(), contents_);
        item->setData(kBlockRole, block.blockNumber());
        if (level == 2) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    contents_->setCurrentRow(-1);
}

void HelpWindow::scrollToBlock(int blockNumber) {
    const QTextBlock block = browser_->document()->findBlockByNumber(blockNumber);
    if (!block.isValid())
        return;
    browser_->setTextCursor(QTextCursor(block));
    const QRectF at = browser_->document()->documentLayout()->blockBoundingRect(block);
    browser_->verticalScrollBar()->setValue(int(at.top()));
}

bool HelpWindow::showSection(const QString& title) {
    for (int row = 0; row < contents_->count(); ++row)
        if (contents_->item(row)->text().trimmed().startsWith(title)) {
            contents_->setCurrentRow(row);
            scrollToBlock(contents_->item(row)->data(kBlockRole).toInt());
            return true;
        }
    return false;
}

} // namespace spikestudio
