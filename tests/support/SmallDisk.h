#pragma once

#include <QDir>
#include <QString>
#include <sys/mount.h>

/// A 64 KiB tmpfs mounted on `path` for as long as this lives: writes beyond
/// it fail with ENOSPC, as on a full disk. Needs the right to mount (root in
/// a container that allows it); mounted() says whether it worked.
class SmallDisk {
public:
    explicit SmallDisk(const QString& path, const char* size = "size=64k") : path_(path) {
        QDir().mkpath(path);
        mounted_ = ::mount("tmpfs", path.toUtf8().constData(), "tmpfs", 0, size) == 0;
    }
    ~SmallDisk() {
        if (mounted_)
            ::umount2(path_.toUtf8().constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const QString& path() const { return path_; }

private:
    QString path_;
    bool mounted_ = false;
};
