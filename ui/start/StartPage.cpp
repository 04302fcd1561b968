#include "start/StartPage.h"

#include "document/RecentFiles.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kDescriptionWidth = 420; // pixels of an example's description shown

QLabel* heading(const QString& text, QWidget* parent, double scale = 1.1) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

} // namespace

StartPage::StartPage(QWidget* parent)
    : QWidget(parent), recent_(new QListWidget(this)), examples_(new QListWidget(this)),
      noRecent_(new QLabel(tr("Files you open or save appear here."), this)),
      reopenLast_(new QCheckBox(tr("Reopen the last file when Spike Studio starts"), this)) {
    setObjectName("startPage");
    auto* column = new QVBoxLayout;
    column->addWidget(buildHeading());
    column->addSpacing(16);
    column->addWidget(buildLists(), 1);
    column->addWidget(reopenLast_);
    auto* layout = new QHBoxLayout(this); // a readable column in the middle of a wide window
    layout->setContentsMargins(32, 32, 32, 24);
    layout->addStretch(1);
    layout->addLayout(column, 8);
    layout->addStretch(1);
    reopenLast_->setObjectName("reopenLast");
    reopenLast_->setChecked(RecentFiles::reopenLast());
    connect(reopenLast_, &QCheckBox::toggled, this, &RecentFiles::setReopenLast);
}

QWidget* StartPage::buildHeading() {
    auto* box = new QWidget(this);
    auto* title = heading(tr("Spike Studio"), box, 1.8);
    auto* howTo = new QLabel(
        tr("Open an example below, or start a new model: add groups from the toolbar, connect "
           "them (C), right-click a group to record it, and press Run (Ctrl+R).<br>Every run "
           "is kept with its results; press F1 for the guide."),
        box);
    howTo->setObjectName("howToStart");
    howTo->setWordWrap(true);
    auto* newModel = new QPushButton(tr("New model"), box);
    newModel->setObjectName("startNewModel");
    newModel->setToolTip(tr("An empty model (Ctrl+N)"));
    auto* open = new QPushButton(tr("Open…"), box);
    open->setObjectName("startOpen");
    open->setToolTip(tr("A model (.json) or project (.spikestudio) file (Ctrl+O)"));
    connect(newModel, &QPushButton::clicked, this, &StartPage::newModelRequested);
    connect(open, &QPushButton::clicked, this, &StartPage::openDialogRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newModel);
    buttons->addWidget(open);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(howTo);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    return box;
}

QWidget* StartPage::buildLists() {
    auto* box = new QWidget(this);
    recent_->setObjectName("recentFiles");
    examples_->setObjectName("examples");
    for (QListWidget* list : {recent_, examples_}) {
        list->setAlternatingRowColors(true);
        list->setSpacing(2);
        // One click opens, as on other start pages; Enter does too.
        connect(list, &QListWidget::itemClicked, this, &StartPage::openItem);
        connect(list, &QListWidget::itemActivated, this, &StartPage::openItem);
    }
    noRecent_->setStyleSheet(QStringLiteral("color: #6b727c;"));
    auto* layout = new QGridLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(24);
    layout->addWidget(heading(tr("Recent files"), box), 0, 0);
    layout->addWidget(heading(tr("Examples"), box), 0, 1);
    layout->addWidget(noRecent_, 1, 0, Qt::AlignTop); // one of the two shows
    layout->addWidget(recent_, 1, 0);
    layout->addWidget(examples_, 1, 1);
    layout->setRowStretch(1, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    return box;
}

void StartPage::setRecentFiles(const QStringList& paths) {
    recent_->clear();
    for (const QString& path : paths) {
        const QFileInfo file(path);
        auto* item = new QListWidgetItem(file.fileName() + "\n" + file.absolutePath(), recent_);
        item->setData(kPathRole, path);
        item->setToolTip(path);
        if (!file.exists()) {
            item->setText(item->text() + tr("  (missing)"));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
    }
    noRecent_->setVisible(paths.isEmpty());
    recent_->setVisible(!paths.isEmpty());
}

void StartPage::setExamples(const QList<Example>& examples) {
    examples_->clear();
    for (const Example& example : examples) {
        const QString line = examples_->fontMetrics().elidedText(example.description,
                                                                 Qt::ElideRight, kDescriptionWidth);
        auto* item = new QListWidgetItem(example.title + "\n" + line, examples_);
        item->setData(kPathRole, example.path);
        item->setToolTip(QStringLiteral("<p>%1</p><p>%2</p>")
                             .arg(example.description.toHtmlEscaped(), example.path));
    }
}

void StartPage::openItem(QListWidgetItem* item) {
    if (item && (item->flags() & Qt::ItemIsEnabled))
        emit openRequested(item->data(kPathRole).toString());
}

} // namespace spikestudio
