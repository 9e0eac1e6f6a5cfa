#ifndef TRIAGE_CCURL_SHIM_H
#define TRIAGE_CCURL_SHIM_H

/*
 * libcurl for Swift.
 *
 * curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are C variadic
 * functions, which Swift cannot call. Each wrapper below fixes one argument
 * type, so Swift calls a plain C function and libcurl still receives exactly
 * the type its documentation asks for with each option.
 */

#include <curl/curl.h>

/* curl_easy_setopt with a `long` argument (flags, counts, timeouts in ms). */
static inline CURLcode triage_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt with a string; libcurl copies it (except CURLOPT_POSTFIELDS, which Swift never uses). */
static inline CURLcode triage_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt with an object pointer (CURLOPT_PRIVATE, *DATA, CURLOPT_ERRORBUFFER, curl_slist). */
static inline CURLcode triage_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt with a curl_off_t (sizes of uploads and POST bodies). */
static inline CURLcode triage_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt with a write-style callback (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION). */
static inline CURLcode triage_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt with a read callback (CURLOPT_READFUNCTION, for uploads such as SMTP messages). */
static inline CURLcode triage_easy_setopt_read_function(CURL *handle, CURLoption option, curl_read_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_getinfo for CURLINFO_LONG values (response code, redirect count, OS errno). */
static inline CURLcode triage_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_DOUBLE values. */
static inline CURLcode triage_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_OFF_T values (the *_TIME_T timings in microseconds). */
static inline CURLcode triage_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_STRING values; the string belongs to the handle. */
static inline CURLcode triage_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for pointer values (CURLINFO_PRIVATE). */
static inline CURLcode triage_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_multi_setopt with a `long` argument (connection limits). */
static inline CURLMcode triage_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

#endif
