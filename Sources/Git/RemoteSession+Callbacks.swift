import CGit2

extension RemoteSession {
    /// libgit2 callbacks that forward to the session passed as payload.
    func callbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, userFromURL, allowed, payload in
            guard let out, let payload else { return -1 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.credential(out, allowed: allowed, userFromURL: userFromURL.map { String(cString: $0) })
        }
        callbacks.certificate_check = { cert, valid, _, payload in
            guard let cert, let payload else { return -1 }
            return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().certificate(cert, valid: valid != 0)
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.progress(receivedBytes: Int(stats.pointee.received_bytes), receivedObjects: Int(stats.pointee.received_objects))
        }
        callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().withinLimits()
        }
        callbacks.update_tips = { _, _, _, payload in
            guard let payload else { return 0 }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().updatedRefs += 1
            return 0
        }
        return callbacks
    }
}
