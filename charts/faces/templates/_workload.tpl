{{/*
A Service and a Deployment, shaped like k8s/01-base: selector `service: <name>` (never changes
between chart versions), port `http` (8000) behind Service port 80, probes on /readyz and
/healthz, a non-root read-only container with every capability dropped, RuntimeDefault seccomp,
no service-link variables. terminationGracePeriodSeconds 30 outlasts the services'
SHUTDOWN_TIMEOUT_SECONDS (25), which covers DRAIN_SECONDS (5) and in-flight requests.
Arguments: root, name, component, values (image keys, replicas), env (list of name/value) or
args, resources, serviceType, omitReplicas, volumes (bool: the load tester's gate file), key (the
workload's key in values, e.g. gui: with rollouts.enabled it becomes an Argo Rollout; none for the
load tester), tokens (list of CONTROL_TOKEN/EVENTS_TOKEN/MCP_TOKEN: read from the tokens Secret),
port (the container's port, 8000 unless given: faces-mcp's is 3000). An extraEnv name replaces
the chart's variable of that name.
*/}}
{{- define "faces.workload" -}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "faces.labels" . | nindent 4 }}
spec:
  type: {{ .serviceType | default "ClusterIP" }}
  selector:
    service: {{ .name }}
  ports:
    - name: http
      port: 80
      targetPort: http
{{- if and .root.Values.rollouts.enabled .key }}
{{ include "faces.rollout" . }}
{{- else }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "faces.labels" . | nindent 4 }}
spec:
  {{- if not .omitReplicas }}
  replicas: {{ include "faces.replicas" . }}
  {{- end }}
  selector:
    matchLabels:
      service: {{ .name }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    {{- include "faces.podTemplate" . | nindent 4 }}
{{- end }}
{{- end -}}

{{/* The pod template every workload runs, a Deployment's or a Rollout's. Arguments: as faces.workload. */}}
{{- define "faces.podTemplate" -}}
metadata:
  labels:
    service: {{ .name }}
    {{- include "faces.commonLabels" . | nindent 4 }}
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ .port | default 8000 | quote }}
    prometheus.io/path: /metrics
spec:
  terminationGracePeriodSeconds: 30
  # No service-link variables (COLOR_PORT=tcp://…): Faces finds its peers by DNS name.
  enableServiceLinks: false
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    runAsGroup: 1000
    {{- if .volumes }}
    fsGroup: 1000
    {{- end }}
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: {{ .name }}
      image: {{ include "faces.image" . }}
      imagePullPolicy: {{ include "faces.pullPolicy" . }}
      {{- with .args }}
      args: {{ toJson . }}
      {{- end }}
      {{- $extra := .values.extraEnv | default dict }}
      {{- if or .env .tokens $extra }}
      env:
        {{- range .env }}
        {{- if not (hasKey $extra .name) }}
        - name: {{ .name }}
          value: {{ .value | quote }}
        {{- end }}
        {{- end }}
        {{- range $name, $value := $extra }}
        - name: {{ $name }}
          value: {{ include "faces.str" $value | quote }}
        {{- end }}
        {{- range .tokens }}
        - name: {{ . }}
          valueFrom:
            secretKeyRef:
              name: {{ include "faces.tokensSecret" $.root }}
              key: {{ . }}
              {{- /* Your existingSecret may lack MCP_TOKEN: faces-mcp then runs without it, refusing changes. */}}
              {{- if and (eq . "MCP_TOKEN") $.root.Values.existingSecret }}
              optional: true
              {{- end }}
        {{- end }}
      {{- end }}
      ports:
        - name: http
          containerPort: {{ .port | default 8000 }}
          protocol: TCP
      readinessProbe:
        httpGet:
          path: /readyz
          port: http
        periodSeconds: 5
        failureThreshold: 2
      livenessProbe:
        httpGet:
          path: /healthz
          port: http
        initialDelaySeconds: 5
        periodSeconds: 10
        failureThreshold: 3
      resources:
        {{- toYaml .resources | nindent 8 }}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      {{- if .volumes }}
      volumeMounts:
        - name: gates
          mountPath: /var/lib/faces-loadtester
      {{- end }}
  {{- if .volumes }}
  volumes:
    - name: gates
      emptyDir:
        sizeLimit: 1Mi
  {{- end }}
{{- end -}}
