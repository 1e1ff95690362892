#!/usr/bin/env bash
# Share a portfolio with an organizational unit, wait until the share is done, then deploy.
# Needs the AWS CLI, `portfolio-share-waiter` on PATH and credentials of the organization's management
# account or a delegated administrator. In a project that has portfolio-share-waiter installed,
# `npm exec -c` puts its bin on PATH:
#
#   PORTFOLIO_ID=port-abcd1234efgh5 OU_ID=ou-ab12-cdef3456 npm exec -c ./deploy-share.sh
set -euo pipefail
: "${PORTFOLIO_ID:?set PORTFOLIO_ID}" "${OU_ID:?set OU_ID}"

token=$(aws servicecatalog create-portfolio-share \
  --portfolio-id "$PORTFOLIO_ID" \
  --organization-node "Type=ORGANIZATIONAL_UNIT,Value=$OU_ID" \
  --query PortfolioShareToken --output text)
echo "created portfolio share $token" >&2

# The report (status, accounts, each share error) goes to stdout; `|| code=$?` keeps `set -e` from
# ending the script before the exit code is looked at.
code=0
portfolio-share-waiter wait "$token" --timeout "${SHARE_TIMEOUT:-900}" || code=$?
case $code in
  0) ;;
  3) echo "the share is still running; check it later with: npx portfolio-share-waiter status $token" >&2
     exit 3 ;;
  *) exit "$code" ;; # 1 share failed, 2 usage, 4 API/credentials, 130/143 interrupted
esac

echo "portfolio $PORTFOLIO_ID is shared with $OU_ID; deploying" >&2
# ... deploy the products that need the portfolio here ...
