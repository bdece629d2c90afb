/**
 * Real request bodies: what kubectl v1.32 sent (Content-Type application/vnd.kubernetes.protobuf)
 * for each `kubectl create` command, captured by a throwaway loopback server, base64-encoded.
 * `expected` is what `kubectl ... --dry-run=client -o json` printed for the same command, i.e.
 * the JSON of the same Go object kubectl encoded, zero values included ("creationTimestamp": null,
 * "rules": null, "value": 0, "resources": {}). `create token` has no dry-run: its expected JSON is
 * written from authentication/v1 types.go (audiences, expirationSeconds, boundObjectRef and
 * status.token have no omitempty). A data file: long on purpose.
 */
export interface Fixture {
  name: string;
  command: string;
  /** base64 of the raw request body, envelope included. */
  body: string;
  expected: Record<string, unknown>;
}

export const fixtures: Fixture[] = [
  {
    name: 'deployment',
    command: "kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80 -n default",
    body:
      'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EsQBCiYKA3dlYhIAGgdkZWZhdWx0IgAqADIAOABCAFoKCgNhcHASA3dlYhKL' +
      'AQgDEgwKCgoDYXBwEgN3ZWIacQocCgASABoAIgAqADIAOABCAFoKCgNhcHASA3dlYhJREjMKBW5naW54EgpuZ2lueDoxLjI3' +
      'KgAyCgoAEAAYUCIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgA' +
      'EAAYACAAKAA4ABoAIgA=',
    expected: {
      "kind": "Deployment",
      "apiVersion": "apps/v1",
      "metadata": {"name": "web", "namespace": "default", "creationTimestamp": null, "labels": {"app": "web"}},
      "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"creationTimestamp": null, "labels": {"app": "web"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27", "ports": [{"containerPort": 80}], "resources": {}}]}}, "strategy": {}},
      "status": {},
    },
  },
  {
    name: 'job',
    command: "kubectl create job pi --image=perl:5.34 -n default -- perl -Mbignum=bpi -wle 'print bpi(2000)'",
    body:
      'azhzAAoPCghiYXRjaC92MRIDSm9iErABChkKAnBpEgAaB2RlZmF1bHQiACoAMgA4AEIAEogBMoUBChAKABIAGgAiACoAMgA4' +
      'AEIAEnESTgoCcGkSCXBlcmw6NS4zNBoEcGVybBoMLU1iaWdudW09YnBpGgQtd2xlGg9wcmludCBicGkoMjAwMCkqAEIAagBy' +
      'AIABAIgBAJABAKIBABoFTmV2ZXIyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBABoIIAAoADAAOgAaACIA',
    expected: {
      "kind": "Job",
      "apiVersion": "batch/v1",
      "metadata": {"name": "pi", "namespace": "default", "creationTimestamp": null},
      "spec": {"template": {"metadata": {"creationTimestamp": null}, "spec": {"containers": [{"name": "pi", "image": "perl:5.34", "command": ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"], "resources": {}}], "restartPolicy": "Never"}}},
      "status": {},
    },
  },
  {
    name: 'cronjob',
    command: "kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' --restart=OnFailure -n default -- date",
    body:
      'azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhK3AQobCgR0aWNrEgAaB2RlZmF1bHQiACoAMgA4AEIAEpUBCgsqLzUgKiAqICog' +
      'KhoAKoMBChQKBHRpY2sSABoAIgAqADIAOABCABJrMmkKEAoAEgAaACIAKgAyADgAQgASVRIuCgR0aWNrEgxidXN5Ym94OjEu' +
      'MzYaBGRhdGUqAEIAagByAIABAIgBAJABAKIBABoJT25GYWlsdXJlMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAaABoAIgA=',
    expected: {
      "kind": "CronJob",
      "apiVersion": "batch/v1",
      "metadata": {"name": "tick", "namespace": "default", "creationTimestamp": null},
      "spec": {"schedule": "*/5 * * * *", "jobTemplate": {"metadata": {"name": "tick", "creationTimestamp": null}, "spec": {"template": {"metadata": {"creationTimestamp": null}, "spec": {"containers": [{"name": "tick", "image": "busybox:1.36", "command": ["date"], "resources": {}}], "restartPolicy": "OnFailure"}}}}},
      "status": {},
    },
  },
  {
    name: 'configmap',
    command: "kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two -n default",
    body:
      'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEi4KGgoDY2ZnEgAaB2RlZmF1bHQiACoAMgA4AEIAEgYKAWESATESCAoBYhIDdHdvGgAi' +
      'AA==',
    expected: {
      "kind": "ConfigMap",
      "apiVersion": "v1",
      "metadata": {"name": "cfg", "namespace": "default", "creationTimestamp": null},
      "data": {"a": "1", "b": "two"},
    },
  },
  {
    name: 'secretgeneric',
    command: "kubectl create secret generic s1 --from-literal=user=admin --from-literal=pass=s3cr3t -n default",
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EjwKGQoCczESABoHZGVmYXVsdCIAKgAyADgAQgASDgoEcGFzcxIGczNjcjN0Eg0KBHVzZXIS' +
      'BWFkbWluGgAaACIA',
    expected: {
      "kind": "Secret",
      "apiVersion": "v1",
      "metadata": {"name": "s1", "namespace": "default", "creationTimestamp": null},
      "data": {"pass": "czNjcjN0", "user": "YWRtaW4="},
    },
  },
  {
    name: 'secrettls',
    command: "kubectl create secret tls tls1 --cert=/tmp/pbcap/tls.crt --key=/tmp/pbcap/tls.key -n default",
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EoIHChsKBHRsczESABoHZGVmYXVsdCIAKgAyADgAQgASzwQKB3Rscy5jcnQSwwQtLS0tLUJF' +
      'R0lOIENFUlRJRklDQVRFLS0tLS0KTUlJQmZqQ0NBU09nQXdJQkFnSVVHOWZYWlJtU2NXUW1RY3IxNGtYRU5wTElqcXN3Q2dZ' +
      'SUtvWkl6ajBFQXdJdwpGREVTTUJBR0ExVUVBd3dKZEM1bGVHRnRjR3hsTUI0WERUSTJNVEV5T0RFd016UXlOMW9YRFRNMk1U' +
      'RXlOVEV3Ck16UXlOMW93RkRFU01CQUdBMVVFQXd3SmRDNWxlR0Z0Y0d4bE1Ga3dFd1lIS29aSXpqMENBUVlJS29aSXpqMEQK' +
      'QVFjRFFnQUVPMkhvdEIwQTBwSjY3aTdwKzdLdTBUS3hGdTZabHV1S1VlVTFmbzhvVjdLejE5MDQ4RjBGTW52RAozM0JldW40' +
      'eW1LQmsrUEJXb2VmZU9NQTVMenp0RTZOVE1GRXdIUVlEVlIwT0JCWUVGS3JJQ1NhaDFydzFPMmx0CjFsWDk1QWQzQTRBMU1C' +
      'OEdBMVVkSXdRWU1CYUFGS3JJQ1NhaDFydzFPMmx0MWxYOTVBZDNBNEExTUE4R0ExVWQKRXdFQi93UUZNQU1CQWY4d0NnWUlL' +
      'b1pJemowRUF3SURTUUF3UmdJaEFPajM2U1dmVlRKMHI3VnIzWkJDeGE1NgpUenRBd2pwa25JSXhOczRHeFd5V0FpRUE2SUtx' +
      'Vlk3U0VLaUxHODY3NEF6UTc4Umo1b0Nxa3JhUUk3MDhhSmJLClh4TT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQoS/QEK' +
      'B3Rscy5rZXkS8QEtLS0tLUJFR0lOIFBSSVZBVEUgS0VZLS0tLS0KTUlHSEFnRUFNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlB' +
      'd0VIQkcwd2F3SUJBUVFnZ3l1ekJZVTBDdzhhMkVCNgpwV2xudTJmUUpEQ1NMQlNwNlF2SXBORWx5OCtoUkFOQ0FBUTdZZWkw' +
      'SFFEU2tucnVMdW43c3E3Uk1yRVc3cG1XCjY0cFI1VFYranloWHNyUFgzVGp3WFFVeWU4UGZjRjY2ZmpLWW9HVDQ4RmFoNTk0' +
      'NHdEa3ZQTzBUCi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0KGhFrdWJlcm5ldGVzLmlvL3RscxoAIgA=',
    expected: {
      "kind": "Secret",
      "apiVersion": "v1",
      "metadata": {"name": "tls1", "namespace": "default", "creationTimestamp": null},
      "data": {"tls.crt": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJmakNDQVNPZ0F3SUJBZ0lVRzlmWFpSbVNjV1FtUWNyMTRrWEVOcExJanFzd0NnWUlLb1pJemowRUF3SXcKRkRFU01CQUdBMVVFQXd3SmRDNWxlR0Z0Y0d4bE1CNFhEVEkyTVRFeU9ERXdNelF5TjFvWERUTTJNVEV5TlRFdwpNelF5TjFvd0ZERVNNQkFHQTFVRUF3d0pkQzVsZUdGdGNHeGxNRmt3RXdZSEtvWkl6ajBDQVFZSUtvWkl6ajBECkFRY0RRZ0FFTzJIb3RCMEEwcEo2N2k3cCs3S3UwVEt4RnU2Wmx1dUtVZVUxZm84b1Y3S3oxOTA0OEYwRk1udkQKMzNCZXVuNHltS0JrK1BCV29lZmVPTUE1THp6dEU2TlRNRkV3SFFZRFZSME9CQllFRktySUNTYWgxcncxTzJsdAoxbFg5NUFkM0E0QTFNQjhHQTFVZEl3UVlNQmFBRktySUNTYWgxcncxTzJsdDFsWDk1QWQzQTRBMU1BOEdBMVVkCkV3RUIvd1FGTUFNQkFmOHdDZ1lJS29aSXpqMEVBd0lEU1FBd1JnSWhBT2ozNlNXZlZUSjByN1ZyM1pCQ3hhNTYKVHp0QXdqcGtuSUl4TnM0R3hXeVdBaUVBNklLcVZZN1NFS2lMRzg2NzRBelE3OFJqNW9DcWtyYVFJNzA4YUpiSwpYeE09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K", "tls.key": "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ2d5dXpCWVUwQ3c4YTJFQjYKcFdsbnUyZlFKRENTTEJTcDZRdklwTkVseTgraFJBTkNBQVE3WWVpMEhRRFNrbnJ1THVuN3NxN1JNckVXN3BtVwo2NHBSNVRWK2p5aFhzclBYM1Rqd1hRVXllOFBmY0Y2NmZqS1lvR1Q0OEZhaDU5NDR3RGt2UE8wVAotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg=="},
      "type": "kubernetes.io/tls",
    },
  },
  {
    name: 'secretdocker',
    command: "kubectl create secret docker-registry reg1 --docker-server=r.example --docker-username=u --docker-password=p --docker-email=e@x -n default",
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EqcBChsKBHJlZzESABoHZGVmYXVsdCIAKgAyADgAQgASaAoRLmRvY2tlcmNvbmZpZ2pzb24S' +
      'U3siYXV0aHMiOnsici5leGFtcGxlIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4IiwiYXV0' +
      'aCI6ImRUcHcifX19Gh5rdWJlcm5ldGVzLmlvL2RvY2tlcmNvbmZpZ2pzb24aACIA',
    expected: {
      "kind": "Secret",
      "apiVersion": "v1",
      "metadata": {"name": "reg1", "namespace": "default", "creationTimestamp": null},
      "data": {".dockerconfigjson": "eyJhdXRocyI6eyJyLmV4YW1wbGUiOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiZW1haWwiOiJlQHgiLCJhdXRoIjoiZFRwdyJ9fX0="},
      "type": "kubernetes.io/dockerconfigjson",
    },
  },
  {
    name: 'serviceaccount',
    command: "kubectl create serviceaccount sa1 -n default",
    body:
      'azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSHAoaCgNzYTESABoHZGVmYXVsdCIAKgAyADgAQgAaACIA',
    expected: {
      "kind": "ServiceAccount",
      "apiVersion": "v1",
      "metadata": {"name": "sa1", "namespace": "default", "creationTimestamp": null},
    },
  },
  {
    name: 'namespace',
    command: "kubectl create namespace team-a",
    body:
      'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA',
    expected: {
      "kind": "Namespace",
      "apiVersion": "v1",
      "metadata": {"name": "team-a", "creationTimestamp": null},
      "spec": {},
      "status": {},
    },
  },
  {
    name: 'svcclusterip',
    command: "kubectl create service clusterip web --tcp=80:8080 -n default",
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJwCiYKA3dlYhIAGgdkZWZhdWx0IgAqADIAOABCAFoKCgNhcHASA3dlYhJCChsKBzgwLTgw' +
      'ODASA1RDUBhQIgcIABCQPxoAKAASCgoDYXBwEgN3ZWIaACIJQ2x1c3RlcklQOgBCAFIAWgBgAGgAGgIKABoAIgA=',
    expected: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {"name": "web", "namespace": "default", "creationTimestamp": null, "labels": {"app": "web"}},
      "spec": {"ports": [{"name": "80-8080", "protocol": "TCP", "port": 80, "targetPort": 8080}], "selector": {"app": "web"}, "type": "ClusterIP"},
      "status": {"loadBalancer": {}},
    },
  },
  {
    name: 'svcnodeport',
    command: "kubectl create service nodeport np --tcp=5678:8080 --node-port=30080 -n default",
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJxCiQKAm5wEgAaB2RlZmF1bHQiACoAMgA4AEIAWgkKA2FwcBICbnASRQogCgk1Njc4LTgw' +
      'ODASA1RDUBiuLCIHCAAQkD8aACiA6wESCQoDYXBwEgJucBoAIghOb2RlUG9ydDoAQgBSAFoAYABoABoCCgAaACIA',
    expected: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {"name": "np", "namespace": "default", "creationTimestamp": null, "labels": {"app": "np"}},
      "spec": {"ports": [{"name": "5678-8080", "protocol": "TCP", "port": 5678, "targetPort": 8080, "nodePort": 30080}], "selector": {"app": "np"}, "type": "NodePort"},
      "status": {"loadBalancer": {}},
    },
  },
  {
    name: 'svclb',
    command: "kubectl create service loadbalancer lb --tcp=443:8443 -n default",
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJyCiQKAmxiEgAaB2RlZmF1bHQiACoAMgA4AEIAWgkKA2FwcBICbGISRgodCgg0NDMtODQ0' +
      'MxIDVENQGLsDIgcIABD7QRoAKAASCQoDYXBwEgJsYhoAIgxMb2FkQmFsYW5jZXI6AEIAUgBaAGAAaAAaAgoAGgAiAA==',
    expected: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {"name": "lb", "namespace": "default", "creationTimestamp": null, "labels": {"app": "lb"}},
      "spec": {"ports": [{"name": "443-8443", "protocol": "TCP", "port": 443, "targetPort": 8443}], "selector": {"app": "lb"}, "type": "LoadBalancer"},
      "status": {"loadBalancer": {}},
    },
  },
  {
    name: 'svcexternal',
    command: "kubectl create service externalname ext --external-name=db.example.com -n default",
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJkCiYKA2V4dBIAGgdkZWZhdWx0IgAqADIAOABCAFoKCgNhcHASA2V4dBI2EgoKA2FwcBID' +
      'ZXh0GgAiDEV4dGVybmFsTmFtZToAQgBSDmRiLmV4YW1wbGUuY29tWgBgAGgAGgIKABoAIgA=',
    expected: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {"name": "ext", "namespace": "default", "creationTimestamp": null, "labels": {"app": "ext"}},
      "spec": {"selector": {"app": "ext"}, "type": "ExternalName", "externalName": "db.example.com"},
      "status": {"loadBalancer": {}},
    },
  },
  {
    name: 'role',
    command: "kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log -n default",
    body:
      'azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEkkKIQoKcG9kLXJlYWRlchIAGgdkZWZhdWx0IgAq' +
      'ADIAOABCABIkCgNnZXQKBGxpc3QKBXdhdGNoEgAaBHBvZHMaCHBvZHMvbG9nGgAiAA==',
    expected: {
      "kind": "Role",
      "apiVersion": "rbac.authorization.k8s.io/v1",
      "metadata": {"name": "pod-reader", "namespace": "default", "creationTimestamp": null},
      "rules": [{"verbs": ["get", "list", "watch"], "apiGroups": [""], "resources": ["pods", "pods/log"]}],
    },
  },
  {
    name: 'rolebinding',
    command: "kubectl create rolebinding rb1 --role=pod-reader --user=alice --group=devs --serviceaccount=default:sa1 -n default",
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxLFAQoaCgNyYjESABoHZGVmYXVsdCIA' +
      'KgAyADgAQgASKgoEVXNlchIZcmJhYy5hdXRob3JpemF0aW9uLms4cy5pbxoFYWxpY2UiABIqCgVHcm91cBIZcmJhYy5hdXRo' +
      'b3JpemF0aW9uLms4cy5pbxoEZGV2cyIAEiAKDlNlcnZpY2VBY2NvdW50EgAaA3NhMSIHZGVmYXVsdBotChlyYmFjLmF1dGhv' +
      'cml6YXRpb24uazhzLmlvEgRSb2xlGgpwb2QtcmVhZGVyGgAiAA==',
    expected: {
      "kind": "RoleBinding",
      "apiVersion": "rbac.authorization.k8s.io/v1",
      "metadata": {"name": "rb1", "namespace": "default", "creationTimestamp": null},
      "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "alice"}, {"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "devs"}, {"kind": "ServiceAccount", "name": "sa1", "namespace": "default"}],
      "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"},
    },
  },
  {
    name: 'clusterrole',
    command: "kubectl create clusterrole cr1 --verb=get --resource=nodes --non-resource-url=/healthz",
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRI2ChMKA2NyMRIAGgAiACoAMgA4AEIA' +
      'Eg4KA2dldBIAGgVub2RlcxIPCgNnZXQqCC9oZWFsdGh6GgAiAA==',
    expected: {
      "kind": "ClusterRole",
      "apiVersion": "rbac.authorization.k8s.io/v1",
      "metadata": {"name": "cr1", "creationTimestamp": null},
      "rules": [{"verbs": ["get"], "apiGroups": [""], "resources": ["nodes"]}, {"verbs": ["get"], "nonResourceURLs": ["/healthz"]}],
    },
  },
  {
    name: 'clusterroleagg',
    command: "kubectl create clusterrole agg1 --aggregation-rule=rbac.example.com/aggregate=true",
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRI+ChQKBGFnZzESABoAIgAqADIAOABC' +
      'ABomCiQKIgoacmJhYy5leGFtcGxlLmNvbS9hZ2dyZWdhdGUSBHRydWUaACIA',
    expected: {
      "kind": "ClusterRole",
      "apiVersion": "rbac.authorization.k8s.io/v1",
      "metadata": {"name": "agg1", "creationTimestamp": null},
      "rules": null,
      "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"rbac.example.com/aggregate": "true"}}]},
    },
  },
  {
    name: 'clusterrolebinding',
    command: "kubectl create clusterrolebinding crb1 --clusterrole=cr1 --user=bob",
    body:
      'azhzAAoyChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEhJDbHVzdGVyUm9sZUJpbmRpbmcSbwoUCgRjcmIxEgAaACIA' +
      'KgAyADgAQgASKAoEVXNlchIZcmJhYy5hdXRob3JpemF0aW9uLms4cy5pbxoDYm9iIgAaLQoZcmJhYy5hdXRob3JpemF0aW9u' +
      'Lms4cy5pbxILQ2x1c3RlclJvbGUaA2NyMRoAIgA=',
    expected: {
      "kind": "ClusterRoleBinding",
      "apiVersion": "rbac.authorization.k8s.io/v1",
      "metadata": {"name": "crb1", "creationTimestamp": null},
      "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "bob"}],
      "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cr1"},
    },
  },
  {
    name: 'priorityclass',
    command: "kubectl create priorityclass high --value=1000 --description=important --preemption-policy=Never",
    body:
      'azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxItChQKBGhpZ2gSABoAIgAqADIAOABCABDoBxgA' +
      'IglpbXBvcnRhbnQqBU5ldmVyGgAiAA==',
    expected: {
      "kind": "PriorityClass",
      "apiVersion": "scheduling.k8s.io/v1",
      "metadata": {"name": "high", "creationTimestamp": null},
      "value": 1000,
      "description": "important",
      "preemptionPolicy": "Never",
    },
  },
  {
    name: 'priorityzero',
    command: "kubectl create priorityclass zero --value=0",
    body:
      'azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxIyChQKBHplcm8SABoAIgAqADIAOABCABAAGAAi' +
      'ACoUUHJlZW1wdExvd2VyUHJpb3JpdHkaACIA',
    expected: {
      "kind": "PriorityClass",
      "apiVersion": "scheduling.k8s.io/v1",
      "metadata": {"name": "zero", "creationTimestamp": null},
      "value": 0,
      "preemptionPolicy": "PreemptLowerPriority",
    },
  },
  {
    name: 'quota',
    command: "kubectl create quota q1 --hard=cpu=1,pods=2,requests.memory=1Gi --scopes=BestEffort -n default",
    body:
      'azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJeChkKAnExEgAaB2RlZmF1bHQiACoAMgA4AEIAEj8KCgoDY3B1EgMKATEKCwoE' +
      'cG9kcxIDCgEyChgKD3JlcXVlc3RzLm1lbW9yeRIFCgMxR2kSCkJlc3RFZmZvcnQaABoAIgA=',
    expected: {
      "kind": "ResourceQuota",
      "apiVersion": "v1",
      "metadata": {"name": "q1", "namespace": "default", "creationTimestamp": null},
      "spec": {"hard": {"cpu": "1", "pods": "2", "requests.memory": "1Gi"}, "scopes": ["BestEffort"]},
      "status": {},
    },
  },
  {
    name: 'pdb',
    command: "kubectl create pdb pdb1 --selector=app=web --min-available=50% -n default",
    body:
      'azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSRAobCgRwZGIxEgAaB2RlZmF1bHQiACoAMgA4AEIAEhkK' +
      'CQgBEAAaAzUwJRIMCgoKA2FwcBIDd2ViGgoIABgAIAAoADAAGgAiAA==',
    expected: {
      "kind": "PodDisruptionBudget",
      "apiVersion": "policy/v1",
      "metadata": {"name": "pdb1", "namespace": "default", "creationTimestamp": null},
      "spec": {"minAvailable": "50%", "selector": {"matchLabels": {"app": "web"}}},
      "status": {"disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0},
    },
  },
  {
    name: 'ingress',
    command: "kubectl create ingress ing1 --class=nginx --rule='foo.com/bar=svc1:8080' --rule='tls.com/*=svc2:http,tls=tls1' --default-backend=defsvc:80 -n default",
    body:
      'azhzAAofChRuZXR3b3JraW5nLms4cy5pby92MRIHSW5ncmVzcxKtAQobCgRpbmcxEgAaB2RlZmF1bHQiACoAMgA4AEIAEokB' +
      'ChAiDgoGZGVmc3ZjEgQKABBQEg8KB3Rscy5jb20SBHRsczEaLQoHZm9vLmNvbRIiCiAKHgoEL2JhchIPIg0KBHN2YzESBQoA' +
      'EJA/GgVFeGFjdBouCgd0bHMuY29tEiMKIQofCgEvEhIiEAoEc3ZjMhIICgRodHRwEAAaBlByZWZpeCIFbmdpbngaAgoAGgAi' +
      'AA==',
    expected: {
      "kind": "Ingress",
      "apiVersion": "networking.k8s.io/v1",
      "metadata": {"name": "ing1", "namespace": "default", "creationTimestamp": null},
      "spec": {"ingressClassName": "nginx", "defaultBackend": {"service": {"name": "defsvc", "port": {"number": 80}}}, "tls": [{"hosts": ["tls.com"], "secretName": "tls1"}], "rules": [{"host": "foo.com", "http": {"paths": [{"path": "/bar", "pathType": "Exact", "backend": {"service": {"name": "svc1", "port": {"number": 8080}}}}]}}, {"host": "tls.com", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "svc2", "port": {"name": "http"}}}}]}}]},
      "status": {"loadBalancer": {}},
    },
  },
  {
    name: 'token',
    command: "kubectl create token sa1 --audience=api --duration=1h -n default",
    body:
      'azhzAAooChhhdXRoZW50aWNhdGlvbi5rOHMuaW8vdjESDFRva2VuUmVxdWVzdBIiChAKABIAGgAiACoAMgA4AEIAEggKA2Fw' +
      'aSCQHBoECgASABoAIgA=',
    expected: {
      "apiVersion": "authentication.k8s.io/v1",
      "kind": "TokenRequest",
      "metadata": {"creationTimestamp": null},
      "spec": {"audiences": ["api"], "expirationSeconds": 3600, "boundObjectRef": null},
      "status": {"token": "", "expirationTimestamp": null},
    },
  },
  {
    name: 'cmbinary',
    command: "kubectl create configmap bin --from-file=bin.dat (300 random bytes) --from-file=app.properties -n default",
    body:
      'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEu8CChoKA2JpbhIAGgdkZWZhdWx0IgAqADIAOABCABIWCg5hcHAucHJvcGVydGllcxIE' +
      'eD0xChq4AgoHYmluLmRhdBKsAgf3906oGMC3eX8UjpDtjCQkaaG2l8gDX4QzB4u0xpTvXL9UMxmMeYFD+UubiPpZxgW9WSON' +
      'q8p1rcIATXdTYsugmzM3+Kohm9Axo7kZuZr10KqzQtRMtcHxtQTGcBSkclb4aothdZ3esn+l4rFrVJ6mzXuNEsAbiwV5Pkc1' +
      '/w2R23hbWZ51t/sALVGHu/wNQjW0f2CezgJ4cprvKR1byU8Im07rBUYVx0zAQKKZpwVOMbqjQ0D8PXXXtvHhi38+DP71+ym5' +
      'txImtDXy6zK9N1qJbU65FvfvHg0yjeLTRkzi0eJQwrqZnIkMwqDgARiiZvu8SdQmwPoYkLWF0nCb8GswcNEdfH95xLn084LE' +
      'rArHmWJUdN5M3DVtJ0ZbvfJYSEw9KeReRDfw6AYdcRoAIgA=',
    expected: {
      "kind": "ConfigMap",
      "apiVersion": "v1",
      "metadata": {"name": "bin", "namespace": "default", "creationTimestamp": null},
      "data": {"app.properties": "x=1\n"},
      "binaryData": {"bin.dat": "B/f3TqgYwLd5fxSOkO2MJCRpobaXyANfhDMHi7TGlO9cv1QzGYx5gUP5S5uI+lnGBb1ZI42rynWtwgBNd1Niy6CbMzf4qiGb0DGjuRm5mvXQqrNC1Ey1wfG1BMZwFKRyVvhqi2F1nd6yf6XisWtUnqbNe40SwBuLBXk+RzX/DZHbeFtZnnW3+wAtUYe7/A1CNbR/YJ7OAnhymu8pHVvJTwibTusFRhXHTMBAopmnBU4xuqNDQPw9dde28eGLfz4M/vX7Kbm3Eia0NfLrMr03WoltTrkW9+8eDTKN4tNGTOLR4lDCupmciQzCoOABGKJm+7xJ1CbA+hiQtYXScJvwazBw0R18f3nEufTzgsSsCseZYlR03kzcNW0nRlu98lhITD0p5F5EN/DoBh1x"},
    },
  },
  {
    name: 'pdbmax',
    command: "kubectl create pdb p2 --selector=app=x --max-unavailable=1 -n default",
    body:
      'azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSPQoZCgJwMhIAGgdkZWZhdWx0IgAqADIAOABCABIUEgoK' +
      'CAoDYXBwEgF4GgYIABABGgAaCggAGAAgACgAMAAaACIA',
    expected: {
      "kind": "PodDisruptionBudget",
      "apiVersion": "policy/v1",
      "metadata": {"name": "p2", "namespace": "default", "creationTimestamp": null},
      "spec": {"selector": {"matchLabels": {"app": "x"}}, "maxUnavailable": 1},
      "status": {"disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0},
    },
  },
];
