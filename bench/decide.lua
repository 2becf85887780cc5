-- POSTs one decision question (BODY from the environment) as JSON on every request.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
