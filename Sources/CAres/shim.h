#ifndef TRIAGE_CARES_SHIM_H
#define TRIAGE_CARES_SHIM_H

/*
 * c-ares for Swift.
 *
 * c-ares reports "could not contact the name server" (ARES_ECONNREFUSED) for every socket
 * failure, whether nothing listens on the port or the network is unreachable. Triage files the
 * two under different cases (site down, network failure), so each channel gets socket functions
 * that call the system as c-ares would and keep the last socket error (errno) for the probe.
 * The eventfd wakes the resolver's I/O thread from poll() when a query is submitted.
 */

#include <ares.h>
#include <errno.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

/* The last socket error of one channel; 0 while none happened. */
typedef struct {
    int last_errno;
} triage_socket_errors;

static inline int triage_is_retry(int error) {
    return error == EAGAIN || error == EWOULDBLOCK || error == EINPROGRESS || error == EINTR;
}

static inline void triage_keep_errno(void *user_data) {
    int error = errno;
    if (!triage_is_retry(error)) {
        ((triage_socket_errors *)user_data)->last_errno = error;
    }
    errno = error;
}

static inline ares_socket_t triage_socket(int domain, int type, int protocol, void *user_data) {
    ares_socket_t fd = socket(domain, type | SOCK_CLOEXEC, protocol);
    if (fd == ARES_SOCKET_BAD) triage_keep_errno(user_data);
    return fd;
}

static inline int triage_close(ares_socket_t fd, void *user_data) {
    (void)user_data;
    return close(fd);
}

static inline int triage_connect(ares_socket_t fd, const struct sockaddr *address, ares_socklen_t length, void *user_data) {
    int result = connect(fd, address, length);
    if (result < 0) triage_keep_errno(user_data);
    return result;
}

static inline ares_ssize_t triage_recvfrom(
    ares_socket_t fd, void *buffer, size_t length, int flags, struct sockaddr *from, ares_socklen_t *from_length,
    void *user_data
) {
    ares_ssize_t result = recvfrom(fd, buffer, length, flags, from, from_length);
    if (result < 0) triage_keep_errno(user_data);
    return result;
}

static inline ares_ssize_t triage_sendv(ares_socket_t fd, const struct iovec *vector, int count, void *user_data) {
    ares_ssize_t result = writev(fd, vector, count);
    if (result < 0) triage_keep_errno(user_data);
    return result;
}

/* Routes the sockets of `channel` through the functions above; `errors` must outlive the channel. */
static inline void triage_record_socket_errors(ares_channel channel, triage_socket_errors *errors) {
    static const struct ares_socket_functions functions = {
        triage_socket, triage_close, triage_connect, triage_recvfrom, triage_sendv,
    };
    ares_set_socket_functions(channel, &functions, errors);
}

/* A non-blocking eventfd for waking poll(); -1 with errno on failure. */
static inline int triage_wake_fd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

#endif
